namespace SecureLaunch.Docker;

/// <summary>
/// The engine endpoint cannot be reached: no socket at that path, connection refused, or no answer in time.
/// </summary>
public sealed class DockerUnreachableException : DockerEngineException
{
    public DockerUnreachableException(Uri endpoint, string reason, Exception? innerException = null)
        : base($"the Docker engine at {endpoint} cannot be reached: {reason}", innerException)
    {
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }
}
