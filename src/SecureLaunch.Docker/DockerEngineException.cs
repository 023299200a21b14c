using System.Net;

namespace SecureLaunch.Docker;

/// <summary>
/// The base of every failure the Docker adapter reports: the daemon refused a request, answered something
/// unexpected, or could not be reached.
/// </summary>
/// <remarks>
/// Messages carry the daemon's own message and identifiers (container names and ids, image references),
/// never a request body, so never an environment value.
/// </remarks>
public class DockerEngineException : Exception
{
    public DockerEngineException()
    {
    }

    public DockerEngineException(string message)
        : base(message)
    {
    }

    public DockerEngineException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DockerEngineException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The daemon's HTTP status when it answered with an error (404 for a missing container, 409 for a conflict); null otherwise.</summary>
    public HttpStatusCode? StatusCode { get; }
}
