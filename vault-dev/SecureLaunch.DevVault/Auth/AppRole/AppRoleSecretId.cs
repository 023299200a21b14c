namespace SecureLaunch.DevVault.Auth.AppRole;

/// <summary>One secret ID: its accessor, remaining uses and expiry. Mutable, guarded by the state lock.</summary>
internal sealed class AppRoleSecretId
{
    public required string Accessor { get; init; }

    /// <summary>Uses left; 0 means unlimited.</summary>
    public int NumUses { get; set; }

    public TimeSpan Ttl { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; set; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset? ExpiresAt => Ttl > TimeSpan.Zero ? CreatedAt + Ttl : null;

    public bool IsLive(DateTimeOffset now) => ExpiresAt is null || now < ExpiresAt;
}
