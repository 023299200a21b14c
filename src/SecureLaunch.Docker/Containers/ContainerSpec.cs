namespace SecureLaunch.Docker.Containers;

/// <summary>A container to create, already resolved: no templates, no secrets to fetch.</summary>
public sealed record ContainerSpec
{
    public required string Name { get; init; }
    public required string Image { get; init; }

    /// <summary>Replaces the image's CMD when not null.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Replaces the image's ENTRYPOINT when not null.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Environment as NAME=value pairs.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Bind mounts (host path to container path).</summary>
    public IReadOnlyList<BindMount> Mounts { get; init; } = [];

    /// <summary>
    /// Symbolic links created in the container's filesystem between create and start (as <c>docker cp</c> would put
    /// them), e.g. a file path pointing into a directory mount whose contents can then be replaced atomically.
    /// </summary>
    public IReadOnlyList<SymbolicLink> Links { get; init; } = [];

    public string? User { get; init; }
    public string? WorkingDirectory { get; init; }

    /// <summary>OCI runtime name (e.g. <c>runsc</c>); null for the daemon's default.</summary>
    public string? Runtime { get; init; }

    /// <summary><c>HostConfig.Isolation</c> (<c>process</c>, <c>hyperv</c>) for Windows daemons; null for the default.</summary>
    public string? Isolation { get; init; }
}
