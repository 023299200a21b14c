using System.Globalization;
using Docker.DotNet.Models;
using SecureLaunch.Docker.Containers;

namespace SecureLaunch.Docker.Mapping;

/// <summary><c>GET /containers/{id}/json</c> to <see cref="ContainerState"/>.</summary>
internal static class ContainerStateMapper
{
    public static ContainerState ToState(this ContainerInspectResponse inspect)
    {
        ArgumentNullException.ThrowIfNull(inspect);
        var ports = new List<PublishedPort>();
        foreach (var (key, bindings) in inspect.NetworkSettings?.Ports ?? new Dictionary<string, IList<PortBinding>>())
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            if (bindings is null || !int.TryParse(slash < 0 ? key : key[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var containerPort))
            {
                continue;
            }

            var protocol = slash < 0 ? "tcp" : key[(slash + 1)..];
            ports.AddRange(bindings.Select(b => new PublishedPort(
                containerPort, protocol, string.IsNullOrEmpty(b.HostIP) ? null : b.HostIP,
                int.TryParse(b.HostPort, NumberStyles.None, CultureInfo.InvariantCulture, out var hostPort) ? hostPort : null)));
        }

        return new ContainerState
        {
            Status = inspect.State?.Status ?? "",
            Running = inspect.State?.Running ?? false,
            ExitCode = inspect.State?.ExitCode ?? 0,
            Health = string.IsNullOrEmpty(inspect.State?.Health?.Status) || inspect.State.Health.Status == "none" ? null : inspect.State.Health.Status,
            Ports = ports,
        };
    }
}
