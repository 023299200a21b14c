namespace SecureLaunch.Core.Leases;

/// <summary>A Vault token's lease as last reported (lookup-self, renew-self or a login). Holds no token.</summary>
/// <param name="Ttl">Time to live from <paramref name="ObtainedAt"/>; <see cref="TimeSpan.Zero"/> for a token that never expires (root).</param>
/// <param name="Renewable">Whether renew-self may extend it.</param>
/// <param name="ObtainedAt">When the TTL was read, on the keeper's clock.</param>
public sealed record TokenLifetime(TimeSpan Ttl, bool Renewable, DateTimeOffset ObtainedAt)
{
    /// <summary>When the token dies, and every lease issued under it with it; null when it never expires.</summary>
    public DateTimeOffset? ExpiresAt => Ttl > TimeSpan.Zero ? ObtainedAt + Ttl : null;
}
