namespace SecureLaunch.Docker;

/// <summary>An image is not present locally and could not be pulled.</summary>
public sealed class DockerImageException : DockerEngineException
{
    public DockerImageException(string image, string daemonMessage, Exception? innerException = null)
        : base($"image {image} is not present locally and could not be pulled: {OneLine(daemonMessage)}", innerException)
    {
        Image = image;
        DaemonMessage = daemonMessage;
    }

    /// <summary>The image reference as the caller gave it.</summary>
    public string Image { get; }

    /// <summary>Why the daemon could not pull it, in the daemon's words.</summary>
    public string DaemonMessage { get; }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
