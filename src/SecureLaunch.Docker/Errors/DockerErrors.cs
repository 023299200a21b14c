using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;

namespace SecureLaunch.Docker.Errors;

/// <summary>Turns what Docker.DotNet throws into <see cref="DockerEngineException"/> subtypes.</summary>
internal static class DockerErrors
{
    /// <summary>
    /// True for exceptions to translate; false for the caller's own cancellation, argument errors and
    /// exceptions that are already ours.
    /// </summary>
    public static bool ShouldTranslate(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        DockerEngineException or ArgumentException or ObjectDisposedException => false,
        _ => true,
    };

    /// <param name="exception">What the client threw.</param>
    /// <param name="endpoint">The endpoint, named when it cannot be reached.</param>
    /// <param name="operation">What was asked, e.g. <c>start container 1f2e3d4c5b6a</c>; no values.</param>
    public static DockerEngineException Translate(Exception exception, Uri endpoint, string operation) => exception switch
    {
        DockerApiException api => new DockerEngineException($"{operation}: {DaemonMessage(api)}", api.StatusCode, api),
        OperationCanceledException => new DockerUnreachableException(endpoint, $"no answer in time to {operation}", exception),
        _ when IsConnectionFailure(exception) => new DockerUnreachableException(endpoint, Reason(exception, endpoint), exception),
        _ => new DockerEngineException($"{operation}: {exception.Message}", exception),
    };

    /// <summary>The <c>message</c> of the daemon's JSON error body, or the body itself when it is not JSON.</summary>
    public static string DaemonMessage(DockerApiException exception)
    {
        var body = exception.ResponseBody?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            return $"the daemon answered {(int)exception.StatusCode} {exception.StatusCode}";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!.Trim();
            }
        }
        catch (JsonException)
        {
            // Proxies and old daemons answer in plain text.
        }

        return body;
    }

    /// <summary>
    /// Connection failures surface differently per transport: the unix transport throws an
    /// <see cref="HttpRequestException"/> around a <see cref="SocketException"/>, tcp an
    /// <see cref="AggregateException"/> around one, and a connect timeout a <see cref="TimeoutException"/>.
    /// </summary>
    private static bool IsConnectionFailure(Exception exception) =>
        Flatten(exception).Any(e => e is SocketException or HttpRequestException or TimeoutException);

    private static string Reason(Exception exception, Uri endpoint)
    {
        var socket = Flatten(exception).OfType<SocketException>().FirstOrDefault();
        var unix = endpoint.Scheme.Equals("unix", StringComparison.OrdinalIgnoreCase);
        return socket?.SocketErrorCode switch
        {
            // .NET reports ENOENT on a unix socket connect as "Cannot assign requested address".
            SocketError.AddressNotAvailable when unix => $"no socket at {endpoint.AbsolutePath}",
            SocketError.ConnectionRefused => "connection refused (is the daemon running?)",
            SocketError.AccessDenied => "permission denied",
            null => Flatten(exception).Last().Message,
            _ => socket.Message,
        };
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
