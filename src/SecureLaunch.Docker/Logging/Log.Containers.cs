using Microsoft.Extensions.Logging;

namespace SecureLaunch.Docker.Logging;

/// <summary>Log lines of the container options (networks); ids 300-349.</summary>
internal static partial class Log
{
    [LoggerMessage(300, LogLevel.Debug, "Connected container {Name} to network {Network}")]
    public static partial void NetworkConnected(ILogger logger, string name, string network);
}
