using Microsoft.Extensions.Logging;

namespace SecureLaunch.Docker.Logging;

/// <summary>
/// Every log line of the Docker adapter. Containers appear by name and <see cref="ShortId"/>; environment
/// values never appear, only how many variables a container got.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Docker engine client for {Endpoint}")]
    public static partial void ClientCreated(ILogger logger, Uri endpoint);

    [LoggerMessage(10, LogLevel.Debug, "Image {Image} is present")]
    public static partial void ImagePresent(ILogger logger, string image);

    [LoggerMessage(11, LogLevel.Information, "Pulling image {Image}")]
    public static partial void PullingImage(ILogger logger, string image);

    [LoggerMessage(12, LogLevel.Debug, "Pull {Image}: {Status}")]
    public static partial void PullStatus(ILogger logger, string image, string status);

    [LoggerMessage(13, LogLevel.Information, "Pulled image {Image}")]
    public static partial void ImagePulled(ILogger logger, string image);

    [LoggerMessage(20, LogLevel.Debug, "Created container {Name} ({ContainerId}) from {Image} with {EnvironmentCount} environment variables")]
    public static partial void ContainerCreated(ILogger logger, string name, ShortId containerId, string image, int environmentCount);

    [LoggerMessage(21, LogLevel.Warning, "Daemon warning creating container {Name}: {Warning}")]
    public static partial void CreateWarning(ILogger logger, string name, string warning);

    [LoggerMessage(22, LogLevel.Debug, "Attached to container {ContainerId}")]
    public static partial void Attached(ILogger logger, ShortId containerId);

    [LoggerMessage(23, LogLevel.Debug, "Output of container {ContainerId} ended")]
    public static partial void AttachEnded(ILogger logger, ShortId containerId);

    [LoggerMessage(24, LogLevel.Warning, "Output of container {ContainerId} broke off")]
    public static partial void AttachFailed(ILogger logger, ShortId containerId, Exception exception);

    [LoggerMessage(30, LogLevel.Debug, "Started container {ContainerId}")]
    public static partial void ContainerStarted(ILogger logger, ShortId containerId);

    [LoggerMessage(31, LogLevel.Debug, "Container {ContainerId} was already running")]
    public static partial void ContainerAlreadyStarted(ILogger logger, ShortId containerId);

    [LoggerMessage(32, LogLevel.Debug, "Container {ContainerId} exited with code {ExitCode}")]
    public static partial void ContainerExited(ILogger logger, ShortId containerId, long exitCode);

    [LoggerMessage(33, LogLevel.Warning, "Container {ContainerId} exited with code {ExitCode}; the daemon adds: {Message}")]
    public static partial void ContainerExitedWithError(ILogger logger, ShortId containerId, long exitCode, string message);

    [LoggerMessage(34, LogLevel.Debug, "Stopped container {ContainerId} (grace {Grace})")]
    public static partial void ContainerStopped(ILogger logger, ShortId containerId, TimeSpan grace);

    [LoggerMessage(35, LogLevel.Debug, "Container {ContainerId} was already stopped")]
    public static partial void ContainerAlreadyStopped(ILogger logger, ShortId containerId);

    [LoggerMessage(36, LogLevel.Debug, "Sent {Signal} to container {ContainerId}")]
    public static partial void ContainerSignalled(ILogger logger, ShortId containerId, string signal);

    [LoggerMessage(37, LogLevel.Debug, "Removed container {ContainerId}")]
    public static partial void ContainerRemoved(ILogger logger, ShortId containerId);

    [LoggerMessage(38, LogLevel.Debug, "Container {ContainerId} was already gone")]
    public static partial void ContainerAlreadyGone(ILogger logger, ShortId containerId);
}
