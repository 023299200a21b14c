namespace SecureLaunch.DevVault.State;

/// <summary>One row of the mount table (secrets engines, or auth methods under <c>auth/</c>).</summary>
internal sealed record MountEntry
{
    /// <summary>The mount path with its trailing slash: <c>secret/</c>, or <c>token/</c> for an auth method.</summary>
    public required string Path { get; init; }

    public required string Type { get; init; }

    public required string Description { get; init; }

    public required string Accessor { get; init; }

    public required string Uuid { get; init; }

    public IReadOnlyDictionary<string, string>? Options { get; init; }

    public bool Local { get; init; }

    /// <summary>Builtin plugins (kv, database) report a deprecation status; core mounts do not.</summary>
    public bool IsPlugin { get; init; }

    public required string RunningPluginVersion { get; init; }
}
