using Microsoft.Extensions.Logging;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Diagnostics;

/// <summary>
/// Every log line Core writes. Arguments are names, paths, counts, accessors and shortened lease ids:
/// never a token, a secret value or a request body.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "vault {Address}: {State}, version {Version}")]
    public static partial void VaultHealthy(ILogger logger, Uri address, string state, string? version);

    [LoggerMessage(2, LogLevel.Information, "vault auth: token from {TokenSource} (accessor {Accessor}, policies {Policies})")]
    public static partial void Authenticated(ILogger logger, string tokenSource, string accessor, string policies);

    [LoggerMessage(3, LogLevel.Information, "secret {Name} ({Fetched}/{Total}): {Path} read (fields: {FieldCount})")]
    public static partial void SecretRead(ILogger logger, string name, int fetched, int total, string path, int fieldCount);

    [LoggerMessage(4, LogLevel.Information, "secret {Name} ({Fetched}/{Total}): {Path} leased as {LeaseId} for {Seconds}s ({Renewability})")]
    public static partial void SecretLeased(ILogger logger, string name, int fetched, int total, string path, ShortLeaseId leaseId, int seconds, string renewability);

    [LoggerMessage(5, LogLevel.Information, "container {Name}: started {Image} as {ContainerName} ({Isolation})")]
    public static partial void ContainerStarted(ILogger logger, string name, string image, string containerName, string isolation);

    [LoggerMessage(6, LogLevel.Information, "container {Name}: exited with code {ExitCode}")]
    public static partial void ContainerExited(ILogger logger, string name, long exitCode);

    [LoggerMessage(7, LogLevel.Information, "removing {Count} container(s) (those still running get {GraceSeconds}s to stop)")]
    public static partial void Stopping(ILogger logger, int count, int graceSeconds);

    [LoggerMessage(8, LogLevel.Information, "revoked {Count} lease(s)")]
    public static partial void LeasesRevoked(ILogger logger, int count);

    [LoggerMessage(9, LogLevel.Warning, "could not revoke lease {LeaseId}: {Reason}")]
    public static partial void LeaseRevokeFailed(ILogger logger, ShortLeaseId leaseId, string reason);

    [LoggerMessage(10, LogLevel.Warning, "could not remove container {ContainerName}: {Reason}")]
    public static partial void ContainerRemoveFailed(ILogger logger, string containerName, string reason);

    [LoggerMessage(11, LogLevel.Warning, "could not delete the secret files in {Directory}: {Reason}")]
    public static partial void FilesRemoveFailed(ILogger logger, string directory, string reason);

    [LoggerMessage(12, LogLevel.Debug, "wrote {Count} secret file(s) for container {Name} under {Directory}")]
    public static partial void FilesWritten(ILogger logger, int count, string name, string directory);

    [LoggerMessage(14, LogLevel.Information, "vault auth: logged in with {Method} (accessor {Accessor}, policies {Policies}, ttl {Seconds}s)")]
    public static partial void LoggedIn(ILogger logger, string method, string accessor, string policies, int seconds);

    [LoggerMessage(15, LogLevel.Information, "vault {Address}: unseal progress {Progress}/{Threshold}")]
    public static partial void UnsealProgress(ILogger logger, Uri address, int progress, int threshold);

    [LoggerMessage(16, LogLevel.Information, "revoked the Vault token this launch logged in for")]
    public static partial void TokenRevoked(ILogger logger);

    [LoggerMessage(17, LogLevel.Warning, "could not revoke the Vault token this launch logged in for: {Reason}")]
    public static partial void TokenRevokeFailed(ILogger logger, string reason);

    [LoggerMessage(13, LogLevel.Debug, "launch {LaunchId}: cleaned up")]
    public static partial void CleanedUp(ILogger logger, string launchId);

    [LoggerMessage(100, LogLevel.Debug, "secret {Name}: {Action} of lease {LeaseId} due at {DueAt:u}")]
    public static partial void LeaseActionScheduled(ILogger logger, string name, ShortLeaseId? leaseId, Leases.RenewalAction action, DateTimeOffset dueAt);

    [LoggerMessage(101, LogLevel.Debug, "secret {Name}: lease {LeaseId} renewed for {Granted}, valid until {ExpiresAt:u}")]
    public static partial void LeaseRenewed(ILogger logger, string name, ShortLeaseId leaseId, TimeSpan granted, DateTimeOffset expiresAt);

    [LoggerMessage(102, LogLevel.Warning, "secret {Name}: renewing lease {LeaseId} failed ({Failure}); current credentials valid until {ExpiresAt:u}, next attempt at {NextAttemptAt:u}: {Reason}")]
    public static partial void LeaseRenewalFailed(ILogger logger, string name, ShortLeaseId leaseId, Leases.LeaseFailureKind failure, DateTimeOffset expiresAt, DateTimeOffset? nextAttemptAt, string reason);

    [LoggerMessage(103, LogLevel.Information, "secret {Name}: lease {LeaseId} must be replaced ({Reason}); fetching a new credential")]
    public static partial void RefetchRequested(ILogger logger, string name, ShortLeaseId leaseId, Leases.RefetchReason reason);

    [LoggerMessage(104, LogLevel.Information, "secret {Name}: new lease {LeaseId} for {Duration} replaces {OldLeaseId}")]
    public static partial void SecretRefetched(ILogger logger, string name, ShortLeaseId leaseId, TimeSpan duration, ShortLeaseId oldLeaseId);

    [LoggerMessage(105, LogLevel.Warning, "secret {Name}: fetching it again failed ({Failure}); next attempt at {NextAttemptAt:u}: {Reason}")]
    public static partial void RefetchFailed(ILogger logger, string name, Leases.LeaseFailureKind failure, DateTimeOffset? nextAttemptAt, string reason);

    [LoggerMessage(106, LogLevel.Error, "secret {Name}: lease {LeaseId} lost ({Reason}); its credentials no longer work until a new one arrives")]
    public static partial void LeaseLost(ILogger logger, string name, ShortLeaseId leaseId, Leases.RefetchReason reason);

    [LoggerMessage(107, LogLevel.Error, "secret {Name}: refused to mint another credential, {Limit} per {Window} already used; next allowed at {RetryAt:u}")]
    public static partial void MintBudgetExceeded(ILogger logger, string name, int limit, TimeSpan window, DateTimeOffset retryAt);

    [LoggerMessage(108, LogLevel.Warning, "secret {Name}: fetched again without a lease; no longer renewed")]
    public static partial void SecretNoLongerLeased(ILogger logger, string name);

    [LoggerMessage(109, LogLevel.Debug, "lease supervisor stopped ({Count} loop(s))")]
    public static partial void LeaseSupervisorStopped(ILogger logger, int count);

    [LoggerMessage(110, LogLevel.Warning, "{Count} lease loop(s) still running {Timeout} after the stop; left behind")]
    public static partial void LeaseLoopsStillRunning(ILogger logger, int count, TimeSpan timeout);

    [LoggerMessage(111, LogLevel.Error, "secret {Name}: the renewal loop stopped on an unexpected {ExceptionType}: {Reason}")]
    public static partial void LeaseLoopFailed(ILogger logger, string name, string exceptionType, string reason);

    [LoggerMessage(112, LogLevel.Debug, "secret {Name}: read again")]
    public static partial void SecretReread(ILogger logger, string name);

    [LoggerMessage(113, LogLevel.Debug, "vault token: {Action} due at {DueAt:u}")]
    public static partial void TokenActionScheduled(ILogger logger, Leases.RenewalAction action, DateTimeOffset dueAt);

    [LoggerMessage(114, LogLevel.Debug, "vault token renewed for {Ttl}, valid until {ExpiresAt:u}")]
    public static partial void TokenRenewed(ILogger logger, TimeSpan ttl, DateTimeOffset? expiresAt);

    [LoggerMessage(115, LogLevel.Information, "vault token replaced by a new login (valid for {Ttl}); the old one is left to expire at {OldExpiresAt:u} with its leases, which are kept until then")]
    public static partial void TokenReauthenticated(ILogger logger, TimeSpan ttl, DateTimeOffset? oldExpiresAt);

    [LoggerMessage(116, LogLevel.Warning, "vault token: {Action} failed ({Failure}); {NextAction} at {NextAttemptAt:u}: {Reason}")]
    public static partial void TokenRenewalFailed(ILogger logger, Leases.RenewalAction action, Leases.LeaseFailureKind failure, Leases.RenewalAction nextAction, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(117, LogLevel.Error, "vault token: the renewal loop stopped on an unexpected {ExceptionType}: {Reason}")]
    public static partial void TokenLoopFailed(ILogger logger, string exceptionType, string reason);
}
