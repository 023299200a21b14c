namespace SecureLaunch.DevVault.State;

/// <summary>A secret lease. Mutable, guarded by <see cref="DevVaultState.Sync"/>.</summary>
internal sealed class LeaseEntry
{
    public required string Id { get; init; }

    /// <summary>The request path that issued it, e.g. <c>database/creds/app</c>.</summary>
    public required string Path { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? LastRenewedAt { get; set; }

    public bool Renewable { get; init; }

    /// <summary>The backend's TTL for renewals without an increment.</summary>
    public TimeSpan Ttl { get; init; }

    /// <summary>The backend's max TTL; zero means the system max.</summary>
    public TimeSpan MaxTtl { get; init; }

    /// <summary>The token it was issued under: revoking that token revokes the lease.</summary>
    public required string TokenId { get; init; }

    public bool Revoked { get; set; }

    public bool IsLive(DateTimeOffset now) => !Revoked && now < ExpiresAt;
}
