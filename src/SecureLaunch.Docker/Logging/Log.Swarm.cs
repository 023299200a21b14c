using Microsoft.Extensions.Logging;

namespace SecureLaunch.Docker.Logging;

/// <summary>Swarm lines of the Docker adapter (ids 630-649): names, ids, sizes and counts; never secret data.</summary>
internal static partial class Log
{
    [LoggerMessage(630, LogLevel.Debug, "Created secret {Name} ({SecretId}, {Bytes} bytes)")]
    public static partial void SecretCreated(ILogger logger, string name, ShortId secretId, int bytes);

    [LoggerMessage(631, LogLevel.Debug, "Removed secret {SecretId}")]
    public static partial void SecretRemoved(ILogger logger, ShortId secretId);

    [LoggerMessage(632, LogLevel.Debug, "Created config {Name} ({ConfigId}, {Bytes} bytes)")]
    public static partial void ConfigCreated(ILogger logger, string name, ShortId configId, int bytes);

    [LoggerMessage(633, LogLevel.Debug, "Removed config {ConfigId}")]
    public static partial void ConfigRemoved(ILogger logger, ShortId configId);

    [LoggerMessage(634, LogLevel.Debug, "The {Kind} {Id} was already gone")]
    public static partial void SwarmObjectAlreadyGone(ILogger logger, string kind, ShortId id);

    [LoggerMessage(635, LogLevel.Debug, "Created service {Name} ({ServiceId}) from {Image}: {Replicas} replica(s), {SecretCount} secret(s)")]
    public static partial void ServiceCreated(ILogger logger, string name, ShortId serviceId, string image, int replicas, int secretCount);

    [LoggerMessage(636, LogLevel.Warning, "Daemon warning for service {Name}: {Warning}")]
    public static partial void ServiceWarning(ILogger logger, string name, string warning);

    [LoggerMessage(637, LogLevel.Debug, "Updated service {Name} ({ServiceId}) from version {Version}")]
    public static partial void ServiceUpdated(ILogger logger, string name, ShortId serviceId, ulong version);

    [LoggerMessage(638, LogLevel.Debug, "Removed service {ServiceId}")]
    public static partial void ServiceRemoved(ILogger logger, ShortId serviceId);

    [LoggerMessage(639, LogLevel.Debug, "Service {Name} converged: {Running} task(s) running the current spec after {Waited}")]
    public static partial void ServiceConverged(ILogger logger, string name, int running, TimeSpan waited);

    [LoggerMessage(640, LogLevel.Debug, "Service {Name} did not converge: {Summary}")]
    public static partial void ServiceNotConverged(ILogger logger, string name, string summary);

    [LoggerMessage(641, LogLevel.Debug, "Following the logs of service {ServiceId}")]
    public static partial void ServiceLogsFollowed(ILogger logger, ShortId serviceId);

    [LoggerMessage(642, LogLevel.Debug, "Logs of service {ServiceId} ended")]
    public static partial void ServiceLogsEnded(ILogger logger, ShortId serviceId);

    [LoggerMessage(643, LogLevel.Warning, "Logs of service {ServiceId} broke off")]
    public static partial void ServiceLogsFailed(ILogger logger, ShortId serviceId, Exception exception);
}
