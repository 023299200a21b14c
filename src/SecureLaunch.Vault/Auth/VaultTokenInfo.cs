namespace SecureLaunch.Vault.Auth;

/// <summary>What <c>auth/token/lookup-self</c> (or <c>lookup-accessor</c>) says of a token. Holds the accessor, never the token.</summary>
public sealed record VaultTokenInfo
{
    public required string Accessor { get; init; }
    public required IReadOnlyList<string> Policies { get; init; }

    /// <summary>Remaining time to live; <see cref="TimeSpan.Zero"/> for a token that does not expire (root).</summary>
    public required TimeSpan Ttl { get; init; }
    public required bool Renewable { get; init; }
    public string? DisplayName { get; init; }

    /// <summary>Policies that come from the token's identity (groups, entity) rather than the token itself.</summary>
    public IReadOnlyList<string> IdentityPolicies { get; init; } = [];

    /// <summary>When the token expires; null for a token that does not expire.</summary>
    public DateTimeOffset? ExpireTime { get; init; }

    public bool Orphan { get; init; }
}
