using Docker.DotNet;

namespace SecureLaunch.Docker.Errors;

/// <summary>
/// For requests that carry secrets (a container's environment): the daemon's error message with every
/// value masked, and without the client exception, whose message holds the raw response body.
/// </summary>
internal static class SecretMasking
{
    private const string Mask = "****";

    public static DockerEngineException MaskedError(DockerApiException exception, string operation, IEnumerable<string> secrets)
    {
        var message = DockerErrors.DaemonMessage(exception);
        foreach (var secret in secrets.Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length))
        {
            message = message.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return new DockerEngineException($"{operation}: {message}", exception.StatusCode);
    }
}
