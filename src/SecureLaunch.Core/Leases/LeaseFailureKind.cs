namespace SecureLaunch.Core.Leases;

/// <summary>Why a renewal or re-fetch failed, in the terms that decide what to do next.</summary>
public enum LeaseFailureKind
{
    /// <summary>503 with Vault's "sealed" error: wait for an unseal, keep the credentials.</summary>
    Sealed,

    /// <summary>A standby answered (a 307/308 redirect or a 503 naming the standby): keep the credentials, retry.</summary>
    Standby,

    /// <summary>No answer at all (refused, timed out, connection lost): keep the credentials, retry.</summary>
    Unreachable,

    /// <summary>Vault or a proxy answered with a transient error (other 503s, 5xx, 429, 412): keep the credentials, retry.</summary>
    Unavailable,

    /// <summary>403: the token is invalid or lacks the capability; a new credential would be refused too.</summary>
    PermissionDenied,

    /// <summary>Vault does not know the lease (revoked, expired there, not renewable): the credential is gone, re-fetch.</summary>
    LeaseInvalid,

    /// <summary>Vault refused the request for another reason (400, 404, 405...).</summary>
    Rejected,

    /// <summary>Something other than Vault failed (the caller's re-fetch delegate threw a non-Vault exception).</summary>
    Unexpected,
}
