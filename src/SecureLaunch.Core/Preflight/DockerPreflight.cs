using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Images;

namespace SecureLaunch.Core.Preflight;

/// <summary>
/// Everything about the Docker side a launch can check before it asks Vault for anything: the daemon answers,
/// the images are there, each container's isolation mode is one this daemon gives, hidden env can be set up,
/// and secret files have a tmpfs to live on. <c>run</c> stops at the first failure before minting a credential;
/// <c>plan</c> reports them all.
/// </summary>
public static class DockerPreflight
{
    public static async Task<DockerReadiness> CheckAsync(
        RunSpec spec, IContainerEngine docker, DockerPreflightOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(options);
        var checks = new List<PreflightCheck>();
        var images = new Dictionary<string, ImageDetails>(StringComparer.Ordinal);
        EngineInfo engine;
        try
        {
            engine = await docker.GetInfoAsync(cancellationToken);
            checks.Add(PreflightCheck.Ok("docker", $"{engine.OSType} daemon {engine.ServerVersion} (API {engine.ApiVersion}), swarm {engine.SwarmState}"));
        }
        catch (DockerEngineException ex)
        {
            checks.Add(PreflightCheck.Failed("docker", ex.Message));
            checks.AddRange(spec.Containers.Select(c => PreflightCheck.Skipped($"container {c.Name}", "the Docker daemon could not be reached")));
            return new DockerReadiness { Checks = checks, Images = images };
        }

        foreach (var image in spec.Containers.Select(c => c.Image).Distinct(StringComparer.Ordinal))
        {
            checks.Add(await CheckImageAsync(docker, image, options.PullMissing, images, cancellationToken));
        }

        foreach (var container in spec.Containers)
        {
            checks.Add(CheckContainer(container, engine, images.GetValueOrDefault(container.Image), options.InitBinaryPath));
        }

        if (spec.Containers.Any(c => c.Files.Count > 0 || c.HidesEnv))
        {
            var tmpfs = TmpfsLocator.FindBase(options.SecretFileBases);
            checks.Add(tmpfs is null
                ? PreflightCheck.Failed("secret files", SecretFileStore.NoTmpfsMessage)
                : PreflightCheck.Ok("secret files", $"on tmpfs under {tmpfs}"));
        }

        return new DockerReadiness { Checks = checks, Engine = engine, Images = images };
    }

    private static async Task<PreflightCheck> CheckImageAsync(
        IContainerEngine docker, string image, bool pull, Dictionary<string, ImageDetails> images, CancellationToken cancellationToken)
    {
        var area = $"image {image}";
        try
        {
            if (pull)
            {
                await docker.EnsureImageAsync(image, cancellationToken);
            }

            var details = await docker.InspectImageAsync(image, cancellationToken);
            images[image] = details;
            return PreflightCheck.Ok(area, $"present ({details.OperatingSystem}/{details.Architecture})");
        }
        catch (DockerImageException) when (!pull)
        {
            return PreflightCheck.Warning(area, $"image {image} is not present locally; run will try to pull it");
        }
        catch (DockerEngineException ex)
        {
            return PreflightCheck.Failed(area, ex.Message);
        }
    }

    private static PreflightCheck CheckContainer(ContainerDefinition container, EngineInfo engine, ImageDetails? image, string initBinaryPath)
    {
        var area = $"container {container.Name}";
        string how;
        try
        {
            var (runtime, isolation) = IsolationResolver.Resolve(container, engine);
            how = $"isolation {container.Isolation.ToString().ToLowerInvariant()} ({runtime ?? isolation ?? "default runtime"})";
        }
        catch (LaunchException ex)
        {
            return PreflightCheck.Failed(area, ex.Message);
        }

        if (!container.HidesEnv)
        {
            return PreflightCheck.Ok(area, container.Env.Count > 0 ? $"{how}, env passed visibly (exposure: config)" : how);
        }

        if (image is null)
        {
            return PreflightCheck.Skipped(area, $"{how}; hidden env checked once the image is present");
        }

        return ContainerRenderer.HiddenEnvProblem(container, image, initBinaryPath) is { } problem
            ? PreflightCheck.Failed(area, problem)
            : PreflightCheck.Ok(area, $"{how}, env hidden from docker inspect");
    }
}
