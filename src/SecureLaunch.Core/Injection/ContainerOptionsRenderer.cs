using SecureLaunch.Core.Spec;
using SecureLaunch.Docker.Containers;

namespace SecureLaunch.Core.Injection;

/// <summary>
/// The <c>docker run</c> options of a spec container onto the container to create. None of them carries a secret:
/// they come from the spec as written, and labels that could (<c>{{ }}</c>) were refused when it was read.
/// </summary>
public static class ContainerOptionsRenderer
{
    /// <summary>
    /// <paramref name="spec"/> with <paramref name="container"/>'s ports, volumes, networks, labels, limits, privileges and
    /// healthcheck. SecureLaunch's own labels win over the user's (the spec refuses theirs anyway). On a user-defined
    /// network the container is reachable by its spec name, as a Compose service is by its service name.
    /// </summary>
    public static ContainerSpec Apply(ContainerSpec spec, ContainerDefinition container)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(container);
        var labels = new Dictionary<string, string>(container.Labels, StringComparer.Ordinal);
        foreach (var (key, value) in spec.Labels)
        {
            labels[key] = value;
        }

        var binds = container.Volumes.Where(v => v.Kind == VolumeKind.Bind).Select(v => new BindMount(v.Source!, v.Target, v.ReadOnly));
        return spec with
        {
            Labels = labels,
            Mounts = [.. spec.Mounts, .. binds],
            Volumes = [.. container.Volumes.Where(v => v.Kind == VolumeKind.Volume).Select(v => new VolumeMount(v.Source, v.Target, v.ReadOnly, v.NoCopy))],
            Ports = [.. container.Ports.Select(p => new PublishedPort(p.Target, p.Protocol, p.HostIp, p.Published))],
            Networks = [.. container.Networks.Select(n => new NetworkAttachment(n, IsUserDefined(n) ? [container.Name] : []))],
            ReadOnlyRootFilesystem = container.ReadOnlyRootFilesystem,
            CapAdd = container.Privileges.CapAdd,
            CapDrop = container.Privileges.CapDrop,
            SecurityOptions = container.Privileges.SecurityOptions,
            Privileged = container.Privileges.Privileged,
            MemoryBytes = container.Resources.MemoryBytes,
            NanoCpus = container.Resources.NanoCpus,
            PidsLimit = container.Resources.PidsLimit,
            Healthcheck = container.Healthcheck is { } health ? Healthcheck(health, container.HidesEnv) : null,
        };
    }

    /// <summary>
    /// A healthcheck runs as an exec, which gets <c>Config.Env</c> only. With hidden env its command goes through the
    /// init too, so it sees the same variables as the main process, as it would with <c>docker run -e</c>.
    /// </summary>
    private static HealthcheckSpec Healthcheck(HealthcheckDefinition health, bool hidesEnv)
    {
        IReadOnlyList<string> test = (hidesEnv, health.Test[0]) switch
        {
            (true, "CMD") => ["CMD", HiddenEnvironment.InitPath, "--", .. health.Test.Skip(1)],
            (true, "CMD-SHELL") => ["CMD", HiddenEnvironment.InitPath, "--", "/bin/sh", "-c", health.Test[1]],
            _ => health.Test,
        };
        return new HealthcheckSpec(test, health.Interval, health.Timeout, health.StartPeriod, health.Retries);
    }

    /// <summary>Docker gives aliases only on networks users created, not on <c>bridge</c>, <c>host</c> or <c>none</c>.</summary>
    private static bool IsUserDefined(string network) => network is not ("bridge" or "host" or "none" or "default");
}
