namespace SecureLaunch.Vault;

/// <summary>What a <see cref="VaultApiException"/> means, so callers switch on a kind rather than on status codes.</summary>
public enum VaultErrorKind
{
    /// <summary>A status Vault does not document for this call.</summary>
    Other,

    /// <summary>400: invalid request, missing or invalid data.</summary>
    BadRequest,

    /// <summary>400 from a lease call: Vault does not know the lease, it expired, or it cannot be renewed.</summary>
    InvalidLease,

    /// <summary>403: the token is invalid, expired, or lacks a capability on the path.</summary>
    PermissionDenied,

    /// <summary>404: no secret at the path (or a KV v2 version that was deleted or destroyed), or no such route.</summary>
    NotFound,

    /// <summary>405: the method is not supported on that path.</summary>
    UnsupportedOperation,

    /// <summary>412: Vault Enterprise lacks eventually consistent data yet; retried before surfacing.</summary>
    PreconditionFailed,

    /// <summary>429 on a call other than health: rate limited (a quota or a proxy); retried before surfacing.</summary>
    RateLimited,

    /// <summary>
    /// A 307/308 redirect left after the one hop the client follows (two standbys pointing at each other, or a
    /// redirect from https to http), or a 503 saying the node is a standby.
    /// </summary>
    Standby,

    /// <summary>503 with Vault's "sealed" error: a state, never retried.</summary>
    Sealed,

    /// <summary>503 for any other reason (maintenance, a proxy without a backend).</summary>
    Unavailable,

    /// <summary>500, 504 or another 5xx.</summary>
    ServerError,

    /// <summary>502: Vault's request to a third party (a database, a cloud API) failed.</summary>
    UpstreamError,

    /// <summary>A success status whose body is not the JSON the endpoint documents.</summary>
    InvalidResponse,

    /// <summary>
    /// 400 or 403 from a login endpoint: the auth method refused the credentials (wrong role, password or
    /// secret-id, an expired secret-id, a malformed or expired JWT). Never retried.
    /// </summary>
    LoginRejected,

    /// <summary>
    /// 400 from <c>sys/wrapping/unwrap</c> or <c>sys/wrapping/lookup</c>: the wrapping token was already unwrapped,
    /// possibly by someone else, or its TTL ran out. The wrapped data is gone; treat it as a possible interception.
    /// </summary>
    WrappingTokenInvalid,
}
