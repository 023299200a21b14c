namespace SecureLaunch.Core.Leases;

/// <summary>Why a secret has to be fetched again.</summary>
public enum RefetchReason
{
    /// <summary>The remaining lease fell inside the grace period: renewals stopped extending it (the role's max TTL).</summary>
    InsideGrace,

    /// <summary>The lease is not renewable and reached 85-90% of its duration.</summary>
    NotRenewable,

    /// <summary>Vault no longer knows the lease: revoked behind our back, or it expired there.</summary>
    LeaseInvalid,

    /// <summary>The lease ran out before it could be renewed (an outage outlasted it).</summary>
    Expired,

    /// <summary>The token the lease was issued under is about to expire, and its leases die with it.</summary>
    TokenExpiring,

    /// <summary>A KV secret's re-read interval elapsed.</summary>
    Interval,
}
