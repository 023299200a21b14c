namespace SecureLaunch.Docker.Containers;

/// <summary>What <c>GET /containers/{id}/json</c> says of a container's state.</summary>
public sealed record ContainerState
{
    /// <summary><c>created</c>, <c>running</c>, <c>restarting</c>, <c>exited</c>, <c>dead</c>...</summary>
    public required string Status { get; init; }
    public bool Running { get; init; }

    /// <summary>The exit code of its last run (0 while it runs).</summary>
    public long ExitCode { get; init; }

    /// <summary><c>starting</c>, <c>healthy</c> or <c>unhealthy</c>; null when it has no healthcheck.</summary>
    public string? Health { get; init; }

    /// <summary>Ports published on the host, with the host port the daemon chose.</summary>
    public IReadOnlyList<PublishedPort> Ports { get; init; } = [];
}
