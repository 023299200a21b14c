using System.CommandLine;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Diagnostics.Metrics;

namespace SecureLaunch.Cli.Commands;

internal static partial class RunCommand
{
    private static Option<string?> MetricsOption() => new("--metrics")
    {
        Description = $"While the launch runs, serve Prometheus metrics (renewals, failures, rotations, credentials minted, seconds left per lease) at http://HOST:PORT/metrics, e.g. {MetricsAddress.Example} (docs/metrics.md)",
        HelpName = "host:port",
    };

    /// <summary>
    /// Binds the metrics endpoint before anything else starts, so a port in use is one error line and exit 125 with
    /// nothing to undo. Neither a server nor an error when no endpoint was asked for.
    /// </summary>
    private static (MetricsServer? Server, string? Error) ServeMetrics(CliContext context, MetricsAddress? address, LaunchMetrics? metrics, ILogger logger)
    {
        if (address is null || metrics is null)
        {
            return (null, null);
        }

        MetricsServer server;
        try
        {
            server = MetricsServer.Start(address, metrics, logger, context.TimeProvider);
        }
        catch (SocketException ex)
        {
            return (null, MetricsServer.DescribeBindFailure(address, ex));
        }

        MetricsLog.Serving(logger, address.Url, address.ToString(), address.IsLoopback);
        return (server, null);
    }
}
