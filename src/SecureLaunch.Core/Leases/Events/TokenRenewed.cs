namespace SecureLaunch.Core.Leases.Events;

/// <summary>Vault renewed the token.</summary>
/// <param name="At">When the renewal was asked for.</param>
/// <param name="Ttl">The TTL granted (less than asked near the token's max TTL).</param>
/// <param name="ExpiresAt">The token's new expiry.</param>
public sealed record TokenRenewed(DateTimeOffset At, TimeSpan Ttl, DateTimeOffset? ExpiresAt) : TokenEvent(At);
