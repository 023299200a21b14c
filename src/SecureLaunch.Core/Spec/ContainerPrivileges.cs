namespace SecureLaunch.Core.Spec;

/// <summary>Capabilities and security options of a container, beyond Docker's defaults.</summary>
public sealed record ContainerPrivileges
{
    public static ContainerPrivileges Default { get; } = new();

    /// <summary>Capability names without <c>CAP_</c>, upper case (<c>NET_BIND_SERVICE</c>), or <c>ALL</c>.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Capability names as for <see cref="CapAdd"/>.</summary>
    public IReadOnlyList<string> CapDrop { get; init; } = [];

    /// <summary><c>security_opt</c> entries as written (<c>no-new-privileges:true</c>, <c>seccomp=unconfined</c>).</summary>
    public IReadOnlyList<string> SecurityOptions { get; init; } = [];
    public bool Privileged { get; init; }
}
