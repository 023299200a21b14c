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
}
