using Microsoft.Extensions.Logging;

namespace SecureLaunch.Core.Diagnostics.Metrics;

/// <summary>
/// The log lines of whoever serves <see cref="LaunchMetrics"/> over HTTP (the CLI's <c>--metrics</c> server), so they are
/// launch events like the others, documented in docs/json-events.schema.json.
/// </summary>
public static class MetricsLog
{
    /// <summary>Metrics are served at <paramref name="url"/>; with a warning first when <paramref name="loopback"/> is false.</summary>
    public static void Serving(ILogger logger, string url, string address, bool loopback)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (!loopback)
        {
            Log.MetricsNotLoopback(logger, address);
        }

        Log.MetricsServing(logger, url);
    }

    /// <summary>A scrape could not be answered (the client went away, sent garbage, or was too slow); the server goes on.</summary>
    public static void ScrapeFailed(ILogger logger, string client, string reason) => Log.MetricsScrapeFailed(logger, client, reason);

    /// <summary>The server stopped: the launch ended.</summary>
    public static void Stopped(ILogger logger, string url) => Log.MetricsStopped(logger, url);
}
