using SecureLaunch.Core.Templates;

namespace SecureLaunch.Core.Spec;

/// <summary>A file a service's tasks get as a Swarm secret (an entry of a service's <c>secrets:</c>).</summary>
public sealed record ServiceSecretDefinition
{
    /// <summary>
    /// The entry's name within the service (<c>name:</c>, else the target's file name): the Swarm secret is
    /// <c>&lt;launch&gt;_&lt;service&gt;.&lt;name&gt;_&lt;content hash&gt;</c>, and rotation addresses it as <c>&lt;service&gt;.&lt;name&gt;</c>.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>A file name under <c>/run/secrets/</c>, or an absolute path.</summary>
    public required string Target { get; init; }

    public required Template Content { get; init; }
    public int Uid { get; init; }
    public int Gid { get; init; }
    public UnixFileMode Mode { get; init; } = UnixFileMode.UserRead;
    public required SourceLocation Location { get; init; }
}
