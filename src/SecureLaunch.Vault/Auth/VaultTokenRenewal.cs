namespace SecureLaunch.Vault.Auth;

/// <summary>What <c>auth/token/renew-self</c> granted: the token's new lease. Holds no token.</summary>
public sealed record VaultTokenRenewal
{
    /// <summary>The granted lease; may be less than asked (capped by the max TTL), so read this, not the request.</summary>
    public required TimeSpan LeaseDuration { get; init; }

    public required bool Renewable { get; init; }

    public required IReadOnlyList<string> Policies { get; init; }

    /// <summary>When the renewal was asked for (the client's TimeProvider).</summary>
    public required DateTimeOffset ObtainedAt { get; init; }

    public DateTimeOffset ExpiresAt => ObtainedAt + LeaseDuration;
}
