using Microsoft.Extensions.Logging;

namespace SecureLaunch.Core.Diagnostics;

/// <summary>The metrics endpoint's log lines (ids 700-719): its address and scrape failures; never a value.</summary>
internal static partial class Log
{
    [LoggerMessage(700, LogLevel.Information, "metrics: serving Prometheus metrics on {Url}")]
    public static partial void MetricsServing(ILogger logger, string url);

    [LoggerMessage(701, LogLevel.Warning, "metrics: {Address} is not a loopback address: whoever reaches it can read the launch's metrics (secret and container names, no values)")]
    public static partial void MetricsNotLoopback(ILogger logger, string address);

    [LoggerMessage(702, LogLevel.Debug, "metrics: a scrape from {Client} failed: {Reason}")]
    public static partial void MetricsScrapeFailed(ILogger logger, string client, string reason);

    [LoggerMessage(703, LogLevel.Debug, "metrics: stopped serving on {Url}")]
    public static partial void MetricsStopped(ILogger logger, string url);
}
