using Docker.DotNet.Models;
using SecureLaunch.Docker.Containers;
using ContainerSpec = SecureLaunch.Docker.Containers.ContainerSpec;

namespace SecureLaunch.Docker.Mapping;

/// <summary><see cref="ContainerSpec"/> to the body of <c>POST /containers/create</c>.</summary>
internal static partial class ContainerSpecMapper
{
    /// <remarks>
    /// Output is attached (stdout, stderr; no stdin, no TTY, so the stream is multiplexed), there is no
    /// restart policy (the launcher restarts containers itself, so none outlives it), and <c>HostConfig.Isolation</c> is sent only when asked for,
    /// because a Linux daemon rejects any value but <c>default</c>.
    /// Mounts go as <c>HostConfig.Mounts</c> of type <c>bind</c> rather than <c>Binds</c> strings: no colon
    /// parsing of paths, and a missing source is an error instead of a directory the daemon creates.
    /// </remarks>
    public static CreateContainerParameters ToCreateParameters(this ContainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Image);

        var mounts = spec.Mounts.Select(ToMount).ToList();
        var hostConfig = new HostConfig
        {
            Mounts = mounts,
            RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No },
        };
        if (spec.Runtime is not null)
        {
            hostConfig.Runtime = spec.Runtime;
        }

        // Docker.DotNet sends "" unless told null; null keeps Isolation off the wire entirely.
        hostConfig.Isolation = spec.Isolation!;

        var parameters = new CreateContainerParameters
        {
            Name = spec.Name,
            Image = spec.Image,
            Env = ToEnv(spec.Environment),
            Labels = new Dictionary<string, string>(spec.Labels),
            AttachStdin = false,
            AttachStdout = true,
            AttachStderr = true,
            OpenStdin = false,
            Tty = false,
            HostConfig = hostConfig,
        };

        // Left unset (null on the wire), these keep the image's own CMD, ENTRYPOINT, USER and WORKDIR.
        if (spec.Command is not null)
        {
            parameters.Cmd = [.. spec.Command];
        }

        if (spec.Entrypoint is not null)
        {
            parameters.Entrypoint = [.. spec.Entrypoint];
        }

        if (spec.User is not null)
        {
            parameters.User = spec.User;
        }

        if (spec.WorkingDirectory is not null)
        {
            parameters.WorkingDir = spec.WorkingDirectory;
        }

        ApplyOptions(spec, parameters, hostConfig, mounts);
        return parameters;
    }

    private static List<string> ToEnv(IReadOnlyDictionary<string, string> environment)
    {
        var env = new List<string>(environment.Count);
        foreach (var (name, value) in environment)
        {
            // The name is checked, never the value: an exception message must not carry a secret.
            if (string.IsNullOrEmpty(name) || name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"environment variable name '{name}' is empty or contains '=' or NUL", nameof(environment));
            }

            env.Add($"{name}={value}");
        }

        return env;
    }

    private static Mount ToMount(BindMount bind)
    {
        // Whether the paths are absolute is the daemon's call: they are paths on its host, which may be Windows.
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentException.ThrowIfNullOrWhiteSpace(bind.Source);
        ArgumentException.ThrowIfNullOrWhiteSpace(bind.Target);

        return new Mount { Type = "bind", Source = bind.Source, Target = bind.Target, ReadOnly = bind.ReadOnly };
    }
}
