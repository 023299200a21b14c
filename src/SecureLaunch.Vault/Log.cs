using Microsoft.Extensions.Logging;

namespace SecureLaunch.Vault;

/// <summary>
/// Every log line of the Vault client. Paths and statuses only: never a token, a body or a secret value;
/// lease ids through <see cref="ShortLeaseId"/>.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Vault {Method} {Path} failed ({Reason}); attempt {NextAttempt} in {Delay}")]
    public static partial void RetryingRequest(ILogger logger, string method, string path, int nextAttempt, TimeSpan delay, string reason);

    [LoggerMessage(2, LogLevel.Debug, "Vault {Method} {Path} answered {StatusCode}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(3, LogLevel.Debug, "Path {Path} is on mount {Mount} of type {MountType} (KV version {KvVersion})")]
    public static partial void MountDetected(ILogger logger, string path, string mount, string mountType, int? kvVersion);

    [LoggerMessage(4, LogLevel.Debug, "Mount lookup for {Path} answered {StatusCode}; reading it as a plain logical path")]
    public static partial void MountLookupFallback(ILogger logger, string path, int statusCode);

    [LoggerMessage(5, LogLevel.Warning, "Vault answered {Method} {Path} with {Count} warning(s): {Warnings}")]
    public static partial void ResponseWarnings(ILogger logger, string method, string path, int count, string warnings);

    [LoggerMessage(6, LogLevel.Debug, "Lease {LeaseId} renewed for {Duration}")]
    public static partial void LeaseRenewed(ILogger logger, ShortLeaseId leaseId, TimeSpan duration);

    [LoggerMessage(7, LogLevel.Debug, "Lease {LeaseId} revoked")]
    public static partial void LeaseRevoked(ILogger logger, ShortLeaseId leaseId);

    [LoggerMessage(8, LogLevel.Debug, "Lease {LeaseId} was unknown to Vault when revoked; treating it as gone")]
    public static partial void LeaseAlreadyGone(ILogger logger, ShortLeaseId leaseId);

    [LoggerMessage(9, LogLevel.Debug, "Read {Path} (KV version {KvVersion}, lease {HasLease})")]
    public static partial void SecretRead(ILogger logger, string path, int? kvVersion, bool hasLease);

    [LoggerMessage(10, LogLevel.Warning, "Vault at {Address} keeps failing ({Reason}); no request is sent to it for {BreakDuration}")]
    public static partial void CircuitOpened(ILogger logger, string address, TimeSpan breakDuration, string reason);

    [LoggerMessage(11, LogLevel.Information, "Vault at {Address}: trying one request after the circuit break")]
    public static partial void CircuitHalfOpened(ILogger logger, string address);

    [LoggerMessage(12, LogLevel.Information, "Vault at {Address} answers again; circuit closed")]
    public static partial void CircuitClosed(ILogger logger, string address);

    [LoggerMessage(13, LogLevel.Debug, "Logged in with {Method} at auth/{Mount}: token accessor {Accessor}, lease {LeaseDuration}, policies {Policies}")]
    public static partial void LoggedIn(ILogger logger, string method, string mount, string accessor, TimeSpan leaseDuration, string policies);

    [LoggerMessage(14, LogLevel.Debug, "Using the given token: accessor {Accessor}, ttl {Ttl}, policies {Policies}")]
    public static partial void UsingToken(ILogger logger, string accessor, TimeSpan ttl, string policies);

    [LoggerMessage(15, LogLevel.Warning, "Vault refused the {Method} login at auth/{Mount} ({StatusCode})")]
    public static partial void LoginRejected(ILogger logger, string method, string mount, int statusCode);

    [LoggerMessage(16, LogLevel.Debug, "Unwrapped a response-wrapped secret-id")]
    public static partial void SecretIdUnwrapped(ILogger logger);

    [LoggerMessage(17, LogLevel.Debug, "Unwrapped a wrapping token")]
    public static partial void Unwrapped(ILogger logger);

    [LoggerMessage(18, LogLevel.Warning, "Vault refused to unwrap ({StatusCode}): the wrapping token was already used, possibly by someone else, or expired")]
    public static partial void WrappingTokenRejected(ILogger logger, int statusCode);

    [LoggerMessage(19, LogLevel.Debug, "Token {Accessor} renewed for {LeaseDuration}")]
    public static partial void TokenRenewed(ILogger logger, string accessor, TimeSpan leaseDuration);

    [LoggerMessage(20, LogLevel.Debug, "Token revoked (revoke-self)")]
    public static partial void TokenRevoked(ILogger logger);

    [LoggerMessage(21, LogLevel.Warning, "TLS verification of Vault at {Address} is OFF (skipVerify): anyone on the path can read the token and every secret")]
    public static partial void TlsVerificationDisabled(ILogger logger, string address);

    [LoggerMessage(22, LogLevel.Debug, "Vault at {Address} is trusted through {Count} CA certificate(s) given, instead of the system store")]
    public static partial void CustomCaTrusted(ILogger logger, string address, int count);

    [LoggerMessage(23, LogLevel.Debug, "Unseal key share accepted: {Progress}/{Threshold}, sealed {Sealed}")]
    public static partial void UnsealProgress(ILogger logger, int progress, int threshold, bool @sealed);

    [LoggerMessage(24, LogLevel.Warning, "Vault initialized with {Shares} key shares (threshold {Threshold}); the keys and root token exist only in the answer")]
    public static partial void Initialized(ILogger logger, int shares, int threshold);

    [LoggerMessage(25, LogLevel.Warning, "Vault sealed (sys/seal)")]
    public static partial void Sealed(ILogger logger);

    [LoggerMessage(26, LogLevel.Debug, "Client token replaced")]
    public static partial void TokenReplaced(ILogger logger);

    [LoggerMessage(27, LogLevel.Information, "Vault {Method} {Path}: a standby redirected to the active node {Active}; following")]
    public static partial void FollowingStandbyRedirect(ILogger logger, string method, string path, string active);
}
