using System.Text;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Images;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Core.Swarm;

/// <summary>
/// Turns a service of the spec, with the launch's secrets, into the Swarm service to create and the contents of
/// its Swarm secrets. With hidden exposure (the default) the service spec holds no env value: the env file is
/// one more Swarm secret, at <see cref="HiddenEnvironment.EnvFilePath"/>, and SecureLaunch's init, a Swarm
/// config at <see cref="HiddenEnvironment.InitPath"/>, sets the variables and execs the image's own command.
/// </summary>
internal static class ServiceRenderer
{
    /// <summary>Read and execute for everyone: the init runs as whatever user the service has.</summary>
    public const UnixFileMode InitMode =
        UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Checks everything about the service that can fail before anything is created, then renders it.</summary>
    /// <exception cref="LaunchException">Isolation this daemon cannot give, a secret Swarm would refuse, a user the env file cannot be given to.</exception>
    public static RenderedService Render(SwarmDeploymentRequest request, ServiceDefinition service, ImageDetails image)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(image);
        var isolation = SwarmIsolation.Resolve(service, request.Engine);
        var windowsImage = string.Equals(image.OperatingSystem, "windows", StringComparison.OrdinalIgnoreCase);
        var secrets = new List<RenderedSecret>();
        try
        {
            foreach (var secret in service.Secrets)
            {
                var slot = SwarmNames.Slot(service.Name, secret.Name);
                var content = Encode(slot, request.Secrets.Render(secret.Content, secret.Location), secret.Location);
                secrets.Add(new RenderedSecret
                {
                    Slot = slot, Target = secret.Target, Uid = secret.Uid, Gid = secret.Gid, Mode = secret.Mode,
                    Location = secret.Location, Template = secret.Content, Content = content,
                });
            }

            var environment = service.Env.ToDictionary(v => v.Name, v => request.Secrets.Render(v.Value, v.Location), StringComparer.Ordinal);
            var (entrypoint, command) = (service.Entrypoint, service.Command);
            if (service.HidesEnv)
            {
                if (windowsImage)
                {
                    throw new LaunchException($"{service.Location}: service '{service.Name}': hidden env needs a Linux image (SecureLaunch's init is a Linux binary); set 'exposure: config' to pass env visibly");
                }

                secrets.Add(RenderEnvFile(request, service, image, environment));
                (entrypoint, command) = HiddenEnvironment.Wrap(image.Entrypoint, image.Command, service.Entrypoint, service.Command);
                environment.Clear();
            }

            var spec = new SwarmServiceSpec
            {
                Name = SwarmNames.Service(request.Spec.Name, service.Name, request.LaunchId),
                Image = service.Image,
                Entrypoint = entrypoint,
                Command = command,
                Environment = environment,
                Labels = new Dictionary<string, string>(service.Labels.Concat(SwarmLabels.ForService(request.LaunchId, request.Spec.Name, service.Name))),
                ContainerLabels = SwarmLabels.ForService(request.LaunchId, request.Spec.Name, service.Name),
                Replicas = service.Replicas,
                User = service.User,
                WorkingDirectory = service.WorkingDirectory,
                Constraints = [.. service.Constraints, .. PlatformConstraint(image)],
                Update = ToPolicy(service.Update),
                Restart = ToPolicy(service.Restart),
                StopGracePeriod = request.StopGrace,
                Isolation = isolation,
            };
            return new RenderedService(service, spec, secrets, service.HidesEnv);
        }
        catch
        {
            secrets.ForEach(s => s.Dispose());
            throw;
        }
    }

    /// <summary>Renders the hidden env file of a service again, for rotation.</summary>
    public static byte[] RenderEnv(SecretSet secrets, ServiceDefinition service)
    {
        var environment = service.Env.ToDictionary(v => v.Name, v => secrets.Render(v.Value, v.Location), StringComparer.Ordinal);
        return CheckSize(SwarmNames.Slot(service.Name, SwarmNames.EnvEntry), HiddenEnvironment.Encode(environment), service.Location);
    }

    /// <summary>Text to UTF-8, refused when Swarm would refuse it: empty, or 500 KiB or more.</summary>
    public static byte[] Encode(string slot, string content, SourceLocation location)
    {
        if (content.Length == 0)
        {
            throw new LaunchException($"{location}: secret '{slot}' renders empty, and Swarm refuses empty secrets");
        }

        return CheckSize(slot, Utf8.GetBytes(content), location);
    }

    private static byte[] CheckSize(string slot, byte[] content, SourceLocation location)
    {
        if (content.Length > SwarmObjectLimits.MaxSecretBytes)
        {
            var length = content.Length;
            Array.Clear(content);
            throw new LaunchException($"{location}: secret '{slot}' is {length} bytes; a Swarm secret must be under 500 KiB (at most {SwarmObjectLimits.MaxSecretBytes} bytes)");
        }

        return content;
    }

    private static RenderedSecret RenderEnvFile(SwarmDeploymentRequest request, ServiceDefinition service, ImageDetails image, Dictionary<string, string> environment)
    {
        var user = service.User ?? image.User;
        if (!ContainerUser.TryParse(user, out var owner))
        {
            throw new LaunchException($"{service.Location}: service '{service.Name}' runs as user '{user}', which cannot be mapped to a uid for the hidden env secret; set 'user:' to a numeric uid[:gid], or 'exposure: config'");
        }

        var slot = SwarmNames.Slot(service.Name, SwarmNames.EnvEntry);
        return new RenderedSecret
        {
            Slot = slot,
            Target = HiddenEnvironment.EnvFilePath,
            Uid = owner.Uid,
            Gid = owner.Gid ?? 0,
            Mode = UnixFileMode.UserRead,
            Location = service.Location,
            Content = CheckSize(slot, HiddenEnvironment.Encode(environment), service.Location),
        };
    }

    /// <summary>The image's OS as a placement constraint, so that a mixed swarm schedules Windows images on Windows nodes.</summary>
    private static IEnumerable<string> PlatformConstraint(ImageDetails image) =>
        image.OperatingSystem?.ToLowerInvariant() switch
        {
            "windows" => ["node.platform.os == windows"],
            "linux" => ["node.platform.os == linux"],
            _ => [],
        };

    private static ServiceUpdatePolicy? ToPolicy(ServiceUpdateSettings? update) => update is null ? null : new ServiceUpdatePolicy
    {
        Parallelism = update.Parallelism ?? 1,
        Delay = update.Delay ?? TimeSpan.Zero,
        Order = update.Order ?? "stop-first",
        FailureAction = update.FailureAction ?? "pause",
        Monitor = update.Monitor,
    };

    private static ServiceRestartPolicy? ToPolicy(ServiceRestartSettings? restart) => restart is null ? null : new ServiceRestartPolicy
    {
        Condition = restart.Condition ?? "any",
        Delay = restart.Delay,
        MaxAttempts = restart.MaxAttempts,
        Window = restart.Window,
    };
}
