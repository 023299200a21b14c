namespace SecureLaunch.Core.Spec;

/// <summary>One entry of <c>volumes:</c>: a host directory or file (bind), or a Docker volume, named or anonymous.</summary>
public sealed record VolumeDefinition
{
    public required VolumeKind Kind { get; init; }

    /// <summary>An absolute host path for a bind (relative ones are resolved against the spec's directory), a volume name, or null for an anonymous volume.</summary>
    public string? Source { get; init; }

    /// <summary>The absolute path inside the container.</summary>
    public required string Target { get; init; }
    public bool ReadOnly { get; init; }

    /// <summary>Do not copy the image's files at <see cref="Target"/> into a new volume (<c>:nocopy</c>).</summary>
    public bool NoCopy { get; init; }
    public required SourceLocation Location { get; init; }
}
