namespace SecureLaunch.Core.Leases;

/// <summary>Where one lease is in its life, as the renewal loop sees it.</summary>
public enum LeaseStatus
{
    /// <summary>Valid, and the next renewal (or re-fetch, for a non-renewable lease) is scheduled.</summary>
    Healthy,

    /// <summary>A renewal request is in flight.</summary>
    Renewing,

    /// <summary>The last renewal failed (see <see cref="LeaseTracker.LastFailure"/>); retrying with backoff, credentials kept until expiry.</summary>
    Backoff,

    /// <summary>A new credential is needed (see <see cref="LeaseTracker.RefetchReason"/>) and has not arrived yet; the current one is still valid.</summary>
    NeedsRefetch,

    /// <summary>The credential is no longer valid and no new one has arrived yet.</summary>
    Expired,

    /// <summary>The lease was given up (revoked at shutdown or dropped from the ledger); the loop no longer touches it.</summary>
    Revoked,
}
