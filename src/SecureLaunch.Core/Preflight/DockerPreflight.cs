using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Images;

namespace SecureLaunch.Core.Preflight;

/// <summary>
/// Everything about the Docker side a launch can check before it asks Vault for anything: the daemon answers,
/// the images are there (pulled as each container's <c>pull:</c> says), the networks exist, each container's
/// isolation mode is one this daemon gives and its options are allowed, hidden env can be set up, and secret
/// files have a tmpfs to live on. <c>run</c> stops at the first failure before minting a credential;
/// <c>plan</c> reports them all.
/// </summary>
public static partial class DockerPreflight
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
            checks.AddRange(spec.Services.Select(s => PreflightCheck.Skipped($"service {s.Name}", "the Docker daemon could not be reached")));
            return new DockerReadiness { Checks = checks, Images = images };
        }

        foreach (var group in spec.Containers.GroupBy(c => c.Image, StringComparer.Ordinal))
        {
            checks.Add(await CheckImageAsync(docker, group.Key, PullPolicyOf(group), options.PullMissing, images, cancellationToken));
        }

        checks.AddRange(await CheckNetworksAsync(spec, docker, cancellationToken));
        checks.AddRange(await CheckServicesAsync(spec, docker, options.Swarm, engine, images, options.PullMissing, cancellationToken));
        foreach (var container in spec.Containers)
        {
            checks.Add(OptionsProblem(container, spec, engine, images, options) is { } problem
                ? PreflightCheck.Failed($"container {container.Name}", problem)
                : CheckContainer(container, engine, images.GetValueOrDefault(container.Image), options.InitBinaryPath));
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

    /// <summary>
    /// <c>pull: always</c> pulls even a present image; <c>never</c> fails on a missing one; <c>missing</c> (the default)
    /// pulls only what is not there. When <paramref name="pull"/> is false (<c>plan</c>) nothing is pulled and only
    /// what <c>run</c> would do is reported.
    /// </summary>
    private static async Task<PreflightCheck> CheckImageAsync(
        IContainerEngine docker, string image, PullPolicy policy, bool pull, Dictionary<string, ImageDetails> images, CancellationToken cancellationToken)
    {
        var area = $"image {image}";
        try
        {
            if (pull && policy == PullPolicy.Always)
            {
                await docker.PullImageAsync(image, cancellationToken);
            }
            else if (pull && policy == PullPolicy.Missing)
            {
                await docker.EnsureImageAsync(image, cancellationToken);
            }

            var details = await docker.InspectImageAsync(image, cancellationToken);
            images[image] = details;
            var platform = $"{details.OperatingSystem}/{details.Architecture}";
            return !pull && policy == PullPolicy.Always
                ? PreflightCheck.Warning(area, $"present ({platform}); run pulls it again (pull: always)")
                : PreflightCheck.Ok(area, $"{(pull && policy == PullPolicy.Always ? "pulled" : "present")} ({platform})");
        }
        catch (DockerImageException ex)
        {
            return (policy, pull) switch
            {
                (PullPolicy.Never, _) => PreflightCheck.Failed(area, $"image {image} is not present and its container says pull: never; pull or load it first (docker pull {image})"),
                (_, false) => PreflightCheck.Warning(area, $"image {image} is not present locally; run will try to pull it"),
                (PullPolicy.Always, _) => PreflightCheck.Failed(area, $"image {image} could not be pulled (pull: always): {ex.DaemonMessage.ReplaceLineEndings(" ").Trim()}"),
                _ => PreflightCheck.Failed(area, ex.Message),
            };
        }
        catch (DockerEngineException ex)
        {
            return PreflightCheck.Failed(area, ex.Message);
        }
    }

    /// <summary>Several containers on one image: the most eager policy wins (always, then missing, then never).</summary>
    private static PullPolicy PullPolicyOf(IEnumerable<ContainerDefinition> containers)
    {
        var policies = containers.Select(c => c.Pull).ToList();
        return policies.Contains(PullPolicy.Always) ? PullPolicy.Always : policies.Contains(PullPolicy.Missing) ? PullPolicy.Missing : PullPolicy.Never;
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
