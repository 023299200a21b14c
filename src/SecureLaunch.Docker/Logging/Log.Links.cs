using Microsoft.Extensions.Logging;

namespace SecureLaunch.Docker.Logging;

/// <summary>Log lines of <c>DockerEngine.Links.cs</c> (ids 540-549).</summary>
internal static partial class Log
{
    [LoggerMessage(540, LogLevel.Warning, "Could not remove container {ContainerId} after its links failed: {Reason}")]
    public static partial void ContainerRemoveAfterFailureFailed(ILogger logger, ShortId containerId, string reason);
}
