using System.Globalization;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Images;
using SecureLaunch.Docker.Networks;

namespace SecureLaunch.Core.Preflight;

/// <summary>The preflight of the container options: networks exist, privileges are allowed, bind sources exist, limits fit.</summary>
public static partial class DockerPreflight
{
    /// <summary>What <c>docker run</c> gives every container; adding one of these back (after <c>cap_drop: [ALL]</c>) needs no permission.</summary>
    private static readonly HashSet<string> DefaultCapabilities = new(StringComparer.Ordinal)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "NET_RAW",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    private const string AllowHint = "run with --allow-privileged to permit it";

    /// <summary>
    /// Every network a container names must exist and take standalone containers. A created container may be
    /// connected to a network that does not exist (the daemon finds out only at start), so this is checked here,
    /// before anything is fetched.
    /// </summary>
    private static async Task<List<PreflightCheck>> CheckNetworksAsync(RunSpec spec, IContainerEngine docker, CancellationToken cancellationToken)
    {
        var wanted = spec.Containers.SelectMany(c => c.Networks.Select(n => (Network: n, Container: c.Name)))
            .GroupBy(x => x.Network, StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        IReadOnlyList<NetworkSummary> networks;
        try
        {
            networks = await docker.ListNetworksAsync(cancellationToken);
        }
        catch (DockerEngineException ex)
        {
            return [PreflightCheck.Failed("networks", ex.Message)];
        }

        return [.. wanted.Select(group => CheckNetwork(group.Key, group.First().Container, networks))];
    }

    private static PreflightCheck CheckNetwork(string name, string container, IReadOnlyList<NetworkSummary> networks)
    {
        var area = $"network {name}";
        var network = networks.FirstOrDefault(n => n.Name == name) ?? networks.FirstOrDefault(n => n.Id.StartsWith(name, StringComparison.Ordinal));
        if (network is null)
        {
            var hint = Suggestions.Closest(name, networks.Select(n => n.Name)) is { } close ? $" (did you mean '{close}'?)" : "";
            return PreflightCheck.Failed(area, $"network '{name}' of container '{container}' does not exist{hint}; create it with: docker network create {name}");
        }

        return network.Scope == "swarm" && !network.Attachable
            ? PreflightCheck.Failed(area, $"network '{name}' of container '{container}' is a swarm network that standalone containers cannot join; create it with --attachable")
            : PreflightCheck.Ok(area, $"{network.Driver} network, {network.Scope}");
    }

    /// <summary>The first reason <paramref name="container"/>'s options cannot run here, or null.</summary>
    private static string? OptionsProblem(
        ContainerDefinition container, RunSpec spec, EngineInfo engine, IReadOnlyDictionary<string, ImageDetails> images, DockerPreflightOptions options)
    {
        var where = $"{container.Location}: container '{container.Name}'";
        if (!options.AllowPrivileged && PrivilegeProblem(container.Privileges) is { } privilege)
        {
            return $"{where} {privilege}; {AllowHint}";
        }

        if (container.Volumes.FirstOrDefault(v => v.Kind == VolumeKind.Bind && !File.Exists(v.Source) && !Directory.Exists(v.Source)) is { } missing)
        {
            return $"{missing.Location}: container '{container.Name}': bind source '{missing.Source}' does not exist (SecureLaunch does not create it, unlike docker run -v)";
        }

        if (container.Resources.NanoCpus is { } nano && engine.CpuCount > 0 && nano > engine.CpuCount * 1_000_000_000L)
        {
            return $"{where} asks for cpus {(nano / 1e9).ToString("0.##", CultureInfo.InvariantCulture)}, but the daemon's host has {engine.CpuCount}";
        }

        foreach (var dependency in container.DependsOn.Where(d => d.Condition == DependencyCondition.Healthy))
        {
            var target = spec.Containers.First(c => c.Name == dependency.Name);
            if (target.Healthcheck is null && images.TryGetValue(target.Image, out var image) && !image.HasHealthcheck)
            {
                return $"{dependency.Location}: container '{container.Name}' waits for '{target.Name}' to be healthy, but neither the spec nor its image {target.Image} gives it a healthcheck";
            }
        }

        return null;
    }

    /// <summary>Why these privileges reach past the container, or null for Docker's defaults and less.</summary>
    private static string? PrivilegeProblem(ContainerPrivileges privileges)
    {
        if (privileges.Privileged)
        {
            return "asks for privileged: true, which gives it every capability and the host's devices, and with them the secret files of every launch on this host";
        }

        var extra = privileges.CapAdd.Where(c => !DefaultCapabilities.Contains(c)).ToList();
        if (extra.Count > 0)
        {
            return $"adds capabilities beyond Docker's defaults ({string.Join(", ", extra)}), which can reach past the container";
        }

        return privileges.SecurityOptions.FirstOrDefault(o => !IsHardening(o)) is { } loosening
            ? $"asks for security_opt '{loosening}', which loosens the container's confinement"
            : null;
    }

    private static bool IsHardening(string option) =>
        option.StartsWith("no-new-privileges", StringComparison.Ordinal);
}
