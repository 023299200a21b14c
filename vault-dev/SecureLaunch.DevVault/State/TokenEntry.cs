namespace SecureLaunch.DevVault.State;

/// <summary>A service token. Mutable, guarded by <see cref="DevVaultState.Sync"/>.</summary>
internal sealed class TokenEntry
{
    public required string Id { get; init; }

    public required string Accessor { get; init; }

    public required IReadOnlyList<string> Policies { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>The path that created it: <c>auth/token/root</c>, <c>auth/token/create</c>...</summary>
    public required string Path { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The TTL given at creation; zero for a token that never expires.</summary>
    public TimeSpan CreationTtl { get; init; }

    public TimeSpan ExplicitMaxTtl { get; init; }

    /// <summary>A periodic token's period: every renewal sets its TTL to this, with no max TTL but the explicit one.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>The max TTL the issuing method set (a role's <c>token_max_ttl</c>); zero means the system max.</summary>
    public TimeSpan MaxTtl { get; init; }

    /// <summary>Null for a token without TTL (root).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public bool Renewable { get; init; }

    /// <summary>Uses left; 0 means unlimited.</summary>
    public int NumUses { get; set; }

    /// <summary>Set when the last allowed use was consumed; the token is revoked once that request ends.</summary>
    public bool UsesExhausted { get; set; }

    public string? ParentId { get; init; }

    /// <summary>The token store role it was created against (<c>auth/token/create/:role_name</c>), or null.</summary>
    public string? Role { get; init; }

    public DateTimeOffset? LastRenewedAt { get; set; }

    public bool Revoked { get; set; }

    public bool IsRoot => Policies.Contains("root");

    public bool IsLive(DateTimeOffset now) => !Revoked && (ExpiresAt is null || now < ExpiresAt);
}
