namespace SecureLaunch.Core.Leases.Events;

/// <summary>
/// A new login replaced the token. The old token was not revoked: it lives until <see cref="OldExpiresAt"/>, and the
/// leases issued under it with it, so they are kept (and re-fetched a grace before that) rather than re-issued now.
/// </summary>
/// <param name="At">When the login was made.</param>
/// <param name="Ttl">The new token's TTL.</param>
/// <param name="ExpiresAt">The new token's expiry; null when it never expires.</param>
/// <param name="OldExpiresAt">When the old token dies; null when it would not have.</param>
public sealed record TokenReauthenticated(DateTimeOffset At, TimeSpan Ttl, DateTimeOffset? ExpiresAt, DateTimeOffset? OldExpiresAt) : TokenEvent(At);
