using System.Diagnostics.CodeAnalysis;

namespace SecureLaunch.Docker;

/// <summary>
/// Turns a <c>DOCKER_HOST</c> value into the engine endpoint. It never reads the environment itself:
/// the caller passes the value it read.
/// </summary>
public static class DockerEndpoint
{
    /// <summary>The Docker CLI's own default for <c>tcp://host</c> without a port (no TLS).</summary>
    private const int DefaultTcpPort = 2375;

    private static readonly string[] SupportedSchemes = ["unix", "tcp", "http", "https", "npipe"];

    /// <summary>Where the engine listens when <c>DOCKER_HOST</c> is not set.</summary>
    public static Uri Default { get; } = new("unix:///var/run/docker.sock");

    /// <summary>The endpoint for a <c>DOCKER_HOST</c> value; <see cref="Default"/> when it is null or blank.</summary>
    /// <exception cref="ArgumentException">The value is not a <c>unix://</c>, <c>tcp://</c>, <c>http(s)://</c> or <c>npipe://</c> URI.</exception>
    public static Uri Resolve(string? dockerHost) =>
        TryResolve(dockerHost, out var endpoint)
            ? endpoint
            : throw new ArgumentException(
                $"DOCKER_HOST '{dockerHost}' is not a supported endpoint (unix://, tcp://, http://, https://, npipe://)",
                nameof(dockerHost));

    /// <summary>Like <see cref="Resolve"/>, for callers that report a bad value as a validation error.</summary>
    public static bool TryResolve(string? dockerHost, [NotNullWhen(true)] out Uri? endpoint)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(dockerHost))
        {
            endpoint = Default;
            return true;
        }

        if (!Uri.TryCreate(dockerHost.Trim(), UriKind.Absolute, out var uri)
            || !SupportedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (uri.Scheme.Equals("unix", StringComparison.OrdinalIgnoreCase) && uri.AbsolutePath.Length <= 1)
        {
            return false;
        }

        if (uri.Scheme.Equals("tcp", StringComparison.OrdinalIgnoreCase) && uri.IsDefaultPort)
        {
            uri = new UriBuilder(uri) { Port = DefaultTcpPort }.Uri;
        }

        endpoint = uri;
        return true;
    }
}
