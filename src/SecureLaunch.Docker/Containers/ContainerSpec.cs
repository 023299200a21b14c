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

    /// <summary>Docker volumes, named or anonymous.</summary>
    public IReadOnlyList<VolumeMount> Volumes { get; init; } = [];

    public IReadOnlyList<PublishedPort> Ports { get; init; } = [];

    /// <summary>
    /// Networks to join: the first at create (<c>HostConfig.NetworkMode</c>), the others connected before the
    /// container starts. Empty leaves the daemon's default (<c>bridge</c>).
    /// </summary>
    public IReadOnlyList<NetworkAttachment> Networks { get; init; } = [];

    /// <summary><c>HostConfig.ReadonlyRootfs</c>: mounts still work, the image's own files cannot be written.</summary>
    public bool ReadOnlyRootFilesystem { get; init; }
    public IReadOnlyList<string> CapAdd { get; init; } = [];
    public IReadOnlyList<string> CapDrop { get; init; } = [];
    public IReadOnlyList<string> SecurityOptions { get; init; } = [];
    public bool Privileged { get; init; }

    /// <summary>Memory limit in bytes; null for none.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>CPU quota in billionths of a CPU (<c>cpus: 1.5</c> is 1 500 000 000); null for none.</summary>
    public long? NanoCpus { get; init; }

    /// <summary>Most processes the container may hold; -1 for no limit, null for the daemon's default.</summary>
    public long? PidsLimit { get; init; }

    /// <summary>Replaces the image's <c>HEALTHCHECK</c> when not null.</summary>
    public HealthcheckSpec? Healthcheck { get; init; }
}
