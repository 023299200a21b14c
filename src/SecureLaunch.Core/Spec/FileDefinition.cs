using SecureLaunch.Core.Templates;

namespace SecureLaunch.Core.Spec;

/// <summary>A file written on tmpfs and mounted read-only into a container.</summary>
public sealed record FileDefinition
{
    /// <summary>Absolute path inside the container.</summary>
    public required string Target { get; init; }
    public required Template Content { get; init; }
    public UnixFileMode Mode { get; init; } = UnixFileMode.UserRead;
    public int? Uid { get; init; }
    public int? Gid { get; init; }
    public required SourceLocation Location { get; init; }
}
