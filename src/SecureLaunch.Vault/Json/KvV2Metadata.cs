namespace SecureLaunch.Vault.Json;

/// <summary>Version metadata of a KV v2 read; <c>deletion_time</c> is "" unless the version was soft-deleted.</summary>
internal sealed record KvV2Metadata
{
    public string? CreatedTime { get; init; }

    public string? DeletionTime { get; init; }

    public bool Destroyed { get; init; }

    public int Version { get; init; }
}
