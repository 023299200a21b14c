using System.Security.Cryptography;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Rotation;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Containers;
using SecureLaunch.Docker.Images;

namespace SecureLaunch.Core.Injection;

/// <summary>Turns a container of the spec, with the launch's secrets, into the container to create.</summary>
public static class ContainerRenderer
{
    /// <summary>
    /// Renders env values and file contents into the launch's tmpfs files and returns the Docker container
    /// spec; called again on rotation, it rewrites them all (each atomically) with the set's current values. Files
    /// that may change while the container runs (see <see cref="RotationPlan.NeedsLiveFiles"/>) are served from a
    /// directory mount through links (<see cref="LiveFiles"/>); the others are single-file mounts. With hidden
    /// exposure (the default) the spec holds no value: the env file and SecureLaunch's static init are
    /// bind-mounted, and the init sets the variables and execs the image's own command.
    /// </summary>
    public static ContainerSpec Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (spec, container, secrets, files) = (request.Spec, request.Container, request.Secrets, request.Files);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container.Env)
        {
            environment[variable.Name] = secrets.Render(variable.Value, variable.Location);
        }

        var mounts = new List<BindMount>();
        var links = new List<SymbolicLink>();
        if (container.Files.Count > 0 && RotationPlan.NeedsLiveFiles(container, spec.Secrets))
        {
            // Rewritten while the container runs: a directory mount and links, since a single-file mount pins the inode.
            var live = container.Files.Select(f => new LiveFile(secrets.Render(f.Content, f.Location), f.Mode, f.Uid, f.Gid)).ToList();
            var directory = Require(files, container).WriteLive($"{container.Name}.files", live);
            mounts.Add(new BindMount(directory, LiveFiles.MountPath, ReadOnly: true));
            links.AddRange(container.Files.Select((f, i) => new SymbolicLink(f.Target, LiveFiles.LinkTarget(i))));
        }
        else
        {
            for (var i = 0; i < container.Files.Count; i++)
            {
                var file = container.Files[i];
                var content = secrets.Render(file.Content, file.Location);
                var hostPath = Require(files, container).Write($"{container.Name}-{i}", content, file.Mode, file.Uid, file.Gid);
                mounts.Add(new BindMount(hostPath, file.Target, ReadOnly: true));
            }
        }

        var (entrypoint, command) = (container.Entrypoint, container.Command);
        if (container.HidesEnv)
        {
            (entrypoint, command) = Hide(request, environment, mounts);
            environment.Clear();
        }

        var (runtime, isolation) = IsolationResolver.Resolve(container, request.Engine);
        return ContainerOptionsRenderer.Apply(new ContainerSpec
        {
            Name = ContainerName(spec.Name, container.Name, request.LaunchId),
            Image = container.Image,
            Command = command,
            Entrypoint = entrypoint,
            Environment = environment,
            Labels = LaunchLabels.For(request.LaunchId, spec.Name, container.Name),
            Mounts = mounts,
            Links = links,
            User = container.User,
            WorkingDirectory = container.WorkingDirectory,
            Runtime = runtime,
            Isolation = isolation,
        }, container);
    }

    /// <summary><c>&lt;launch name&gt;-&lt;container&gt;-&lt;launch id&gt;</c>: unique, and readable in <c>docker ps</c>.</summary>
    public static string ContainerName(string launchName, string container, string launchId) => $"{launchName}-{container}-{launchId}";

    private static (IReadOnlyList<string> Entrypoint, IReadOnlyList<string> Command) Hide(
        RenderRequest request, Dictionary<string, string> environment, List<BindMount> mounts)
    {
        var container = request.Container;
        if (HiddenEnvProblem(container, request.Image, request.InitBinaryPath) is { } problem)
        {
            throw new LaunchException(problem);
        }

        ContainerUser.TryParse(container.User ?? request.Image.User, out var owner);

        var bytes = HiddenEnvironment.Encode(environment);
        try
        {
            var envFile = Require(request.Files, container).Write($"{container.Name}.env", bytes, UnixFileMode.UserRead, owner.Uid, owner.Gid);
            mounts.Add(new BindMount(request.InitBinaryPath, HiddenEnvironment.InitPath, ReadOnly: true));
            mounts.Add(new BindMount(envFile, HiddenEnvironment.EnvFilePath, ReadOnly: true));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }

        return HiddenEnvironment.Wrap(request.Image.Entrypoint, request.Image.Command, container.Entrypoint, container.Command);
    }

    /// <summary>
    /// Why <paramref name="container"/>'s env cannot be hidden on this host with this image, or null when it
    /// can: the init must be there, and the user the container runs as must map to a uid that can own the file.
    /// </summary>
    public static string? HiddenEnvProblem(ContainerDefinition container, ImageDetails image, string initBinaryPath)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(image);
        if (!File.Exists(initBinaryPath))
        {
            return $"{container.Location}: container '{container.Name}': the init that hides env values is missing ({initBinaryPath}); build SecureLaunch on Linux with gcc, or set 'exposure: config' to pass env visibly";
        }

        var user = container.User ?? image.User;
        return ContainerUser.TryParse(user, out _)
            ? null
            : $"{container.Location}: container '{container.Name}' runs as user '{user}', which the host cannot map to a uid for the hidden env file; set 'user:' to a numeric uid[:gid], or 'exposure: config'";
    }

    private static SecretFileStore Require(SecretFileStore? files, ContainerDefinition container) =>
        files ?? throw new LaunchException($"{container.Location}: no secret file directory for container '{container.Name}'");
}
