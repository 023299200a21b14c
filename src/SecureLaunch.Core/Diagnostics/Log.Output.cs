using Microsoft.Extensions.Logging;

namespace SecureLaunch.Core.Diagnostics;

/// <summary>
/// Steps of a launch that people watch on a terminal and pipelines read as JSON events: the totals up front,
/// so progress can say n of m. Debug in text (the plain lines are unchanged), always in <c>--output json</c>.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(200, LogLevel.Debug, "launch {LaunchId}: {SecretCount} secret(s), {ContainerCount} container(s)")]
    public static partial void LaunchStarting(ILogger logger, string launchId, int secretCount, int containerCount);

    [LoggerMessage(201, LogLevel.Debug, "container {Name}: created as {ContainerName} ({Created}/{Total})")]
    public static partial void ContainerCreated(ILogger logger, string name, string containerName, int created, int total);
}
