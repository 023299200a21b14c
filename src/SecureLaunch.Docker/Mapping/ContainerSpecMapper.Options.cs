using System.Globalization;
using Docker.DotNet.Models;
using SecureLaunch.Docker.Containers;
using ContainerSpec = SecureLaunch.Docker.Containers.ContainerSpec;

namespace SecureLaunch.Docker.Mapping;

/// <summary>The <c>docker run</c> options beyond command, env and mounts: ports, volumes, networks, limits, healthcheck.</summary>
internal static partial class ContainerSpecMapper
{
    private static void ApplyOptions(ContainerSpec spec, CreateContainerParameters parameters, HostConfig host, List<Mount> mounts)
    {
        foreach (var volume in spec.Volumes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(volume.Target);
            mounts.Add(new Mount
            {
                Type = "volume",
                Source = volume.Name ?? "",
                Target = volume.Target,
                ReadOnly = volume.ReadOnly,
                VolumeOptions = volume.NoCopy ? new VolumeOptions { NoCopy = true } : null!,
            });
        }

        if (spec.Ports.Count > 0)
        {
            parameters.ExposedPorts = new Dictionary<string, EmptyStruct>(StringComparer.Ordinal);
            host.PortBindings = new Dictionary<string, IList<PortBinding>>(StringComparer.Ordinal);
            foreach (var port in spec.Ports)
            {
                var key = $"{port.ContainerPort.ToString(CultureInfo.InvariantCulture)}/{port.Protocol}";
                parameters.ExposedPorts[key] = default;
                if (!host.PortBindings.TryGetValue(key, out var bindings))
                {
                    host.PortBindings[key] = bindings = [];
                }

                bindings.Add(new PortBinding { HostIP = port.HostIp ?? "", HostPort = port.HostPort?.ToString(CultureInfo.InvariantCulture) ?? "" });
            }
        }

        // API 1.41 takes one network at create; DockerEngine connects the others before the container starts.
        if (spec.Networks.Count > 0)
        {
            var first = spec.Networks[0];
            host.NetworkMode = first.Name;
            if (first.Aliases.Count > 0)
            {
                parameters.NetworkingConfig = new NetworkingConfig
                {
                    EndpointsConfig = new Dictionary<string, EndpointSettings>(StringComparer.Ordinal)
                    {
                        [first.Name] = new EndpointSettings { Aliases = [.. first.Aliases] },
                    },
                };
            }
        }

        host.ReadonlyRootfs = spec.ReadOnlyRootFilesystem;
        host.Privileged = spec.Privileged;
        if (spec.CapAdd.Count > 0)
        {
            host.CapAdd = [.. spec.CapAdd];
        }

        if (spec.CapDrop.Count > 0)
        {
            host.CapDrop = [.. spec.CapDrop];
        }

        if (spec.SecurityOptions.Count > 0)
        {
            host.SecurityOpt = [.. spec.SecurityOptions];
        }

        host.Memory = spec.MemoryBytes ?? 0;
        host.NanoCPUs = spec.NanoCpus ?? 0;
        host.PidsLimit = spec.PidsLimit;
        if (spec.Healthcheck is { } health)
        {
            parameters.Healthcheck = new HealthcheckConfig
            {
                Test = [.. health.Test],
                Interval = health.Interval,
                Timeout = health.Timeout,
                StartPeriod = health.StartPeriod,
                Retries = health.Retries,
            };
        }
    }
}
