namespace SecureLaunch.DevVault;

/// <summary>A snapshot of one lease the dev Vault issued.</summary>
/// <param name="LeaseId">The full lease id, e.g. <c>database/creds/app/AbC...</c>.</param>
/// <param name="Path">The request path that issued it, e.g. <c>database/creds/app</c>.</param>
/// <param name="IssuedAt">When the lease was issued.</param>
/// <param name="ExpiresAt">When it expires at the moment of the snapshot.</param>
/// <param name="Revoked">True once revoked explicitly or with its token.</param>
public sealed record DevLeaseInfo(string LeaseId, string Path, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, bool Revoked)
{
    /// <summary>When the lease was last renewed, or null when never.</summary>
    public DateTimeOffset? LastRenewedAt { get; init; }

    /// <summary>True when the lease's expiry had passed at the moment of the snapshot.</summary>
    public bool Expired { get; init; }

    /// <summary>Whether <c>sys/leases/renew</c> may extend it.</summary>
    public bool Renewable { get; init; }
}
