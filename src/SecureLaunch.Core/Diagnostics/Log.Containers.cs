using Microsoft.Extensions.Logging;

namespace SecureLaunch.Core.Diagnostics;

/// <summary>Log lines of container start order, health waits and restarts; ids 300-349.</summary>
internal static partial class Log
{
    [LoggerMessage(300, LogLevel.Information, "container {Name}: waiting for {Dependency} ({Condition})")]
    public static partial void WaitingForDependency(ILogger logger, string name, string dependency, string condition);

    [LoggerMessage(301, LogLevel.Debug, "container {Name}: {Dependency} is {State}")]
    public static partial void DependencyMet(ILogger logger, string name, string dependency, string state);

    [LoggerMessage(302, LogLevel.Warning, "container {Name}: exited with code {ExitCode}; restarting in {DelayMilliseconds} ms (restart {Count}, policy {Policy})")]
    public static partial void ContainerRestarting(ILogger logger, string name, long exitCode, long delayMilliseconds, int count, string policy);

    [LoggerMessage(303, LogLevel.Information, "container {Name}: restarted")]
    public static partial void ContainerRestarted(ILogger logger, string name);

    [LoggerMessage(304, LogLevel.Information, "container {Name}: published {Ports}")]
    public static partial void PortsPublished(ILogger logger, string name, string ports);
}
