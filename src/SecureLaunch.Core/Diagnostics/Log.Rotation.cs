using Microsoft.Extensions.Logging;

namespace SecureLaunch.Core.Diagnostics;

/// <summary>Rotation's log lines (ids 500-549): secret and consumer names, actions and times; never a value or a content hash.</summary>
internal static partial class Log
{
    [LoggerMessage(500, LogLevel.Information, "secret {Name}: content changed; acting on {Targets}")]
    public static partial void SecretContentChanged(ILogger logger, string name, string targets);

    [LoggerMessage(501, LogLevel.Debug, "secret {Name}: read again, content unchanged; nothing to do")]
    public static partial void SecretContentUnchanged(ILogger logger, string name);

    [LoggerMessage(502, LogLevel.Debug, "{Target}: {Action} due at {DueAt:u} for secret(s) {Secrets}")]
    public static partial void RotationScheduled(ILogger logger, string target, Rotation.ConsumerAction action, DateTimeOffset dueAt, string secrets);

    [LoggerMessage(503, LogLevel.Warning, "{Target}: {Action} held back by the rate limit ({Limit} per {Window}) until {RetryAt:u}")]
    public static partial void RotationDeferred(ILogger logger, string target, Rotation.ConsumerAction action, int limit, TimeSpan window, DateTimeOffset retryAt);

    [LoggerMessage(504, LogLevel.Information, "{Target}: {Action} done for secret(s) {Secrets}")]
    public static partial void RotationApplied(ILogger logger, string target, Rotation.ConsumerAction action, string secrets);

    [LoggerMessage(505, LogLevel.Error, "{Target}: {Action} for secret(s) {Secrets} failed; it keeps its current values until the next change: {Reason}")]
    public static partial void RotationFailed(ILogger logger, string target, Rotation.ConsumerAction action, string secrets, string reason);

    [LoggerMessage(506, LogLevel.Information, "secret {Name}: content changed; {Target} keeps its current values (rotate: none)")]
    public static partial void RotationNotWanted(ILogger logger, string name, string target);

    [LoggerMessage(507, LogLevel.Information, "container {Name}: restarting with new values (stop grace {GraceSeconds}s)")]
    public static partial void ContainerRotationRestarting(ILogger logger, string name, int graceSeconds);

    [LoggerMessage(508, LogLevel.Information, "container {Name}: running again as {ContainerName}")]
    public static partial void ContainerRotationRestarted(ILogger logger, string name, string containerName);

    [LoggerMessage(509, LogLevel.Warning, "container {Name}: env uses secret {Secret}, which rotates by {Policy}; the env keeps the old value until the container restarts (hidden env is read once, at start)")]
    public static partial void EnvLeftStale(ILogger logger, string name, string secret, Spec.RotationPolicy policy);

    [LoggerMessage(510, LogLevel.Information, "secret {Name}: no lease and not on a KV mount, so not read again (set refresh: to read it again)")]
    public static partial void SecretNotWatched(ILogger logger, string name);

    [LoggerMessage(511, LogLevel.Debug, "secret {Name}: read again every {Interval}")]
    public static partial void SecretWatched(ILogger logger, string name, TimeSpan interval);

    [LoggerMessage(512, LogLevel.Error, "rotation stopped on an unexpected {ExceptionType}: {Reason}")]
    public static partial void RotationLoopFailed(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(513, LogLevel.Warning, "{Count} rotation action(s) still running {Timeout} after the stop; left behind")]
    public static partial void RotationActionsStillRunning(ILogger logger, int count, TimeSpan timeout);

    [LoggerMessage(514, LogLevel.Debug, "vault token: kept alive by the token keeper (ttl {Ttl}, {Renewability})")]
    public static partial void TokenKept(ILogger logger, TimeSpan ttl, string renewability);

    [LoggerMessage(515, LogLevel.Debug, "vault token: never expires; no renewal needed")]
    public static partial void TokenNeverExpires(ILogger logger);

    [LoggerMessage(516, LogLevel.Warning, "container {Name}: exited while rotation restarted it; it stays stopped")]
    public static partial void RestartAbandoned(ILogger logger, string name);
}
