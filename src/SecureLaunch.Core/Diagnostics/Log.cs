using Microsoft.Extensions.Logging;

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

    [LoggerMessage(3, LogLevel.Information, "secret {Name}: {Path} read (fields: {FieldCount})")]
    public static partial void SecretRead(ILogger logger, string name, string path, int fieldCount);

    [LoggerMessage(4, LogLevel.Information, "secret {Name}: {Path} leased as {LeaseId} for {Seconds}s ({Renewability})")]
    public static partial void SecretLeased(ILogger logger, string name, string path, ShortLeaseId leaseId, int seconds, string renewability);

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

    [LoggerMessage(13, LogLevel.Debug, "launch {LaunchId}: cleaned up")]
    public static partial void CleanedUp(ILogger logger, string launchId);
}
