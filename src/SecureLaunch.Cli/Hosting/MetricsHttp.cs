using System.Text;

namespace SecureLaunch.Cli.Hosting;

/// <summary>
/// The little HTTP/1.1 the metrics endpoint speaks: it reads a request's head (no body is expected) and answers
/// <c>GET /metrics</c> with the scrape, anything else with 404, a head it cannot read with 400; then closes.
/// </summary>
internal static class MetricsHttp
{
    /// <summary>Longer request heads are refused: a scraper sends a few hundred bytes.</summary>
    public const int MaxHeadBytes = 8192;

    /// <summary>Reads up to the blank line that ends the head; null when the client closed first or sent too much.</summary>
    public static async Task<string?> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            length += read;
            var head = Encoding.ASCII.GetString(buffer, 0, length);
            var end = head.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                return head[..end];
            }
        }

        return null;
    }

    /// <summary>The whole response to <paramref name="head"/> (null: unreadable); <paramref name="scrape"/> runs only for a scrape.</summary>
    public static byte[] Respond(string? head, Func<string> scrape, string contentType)
    {
        var requestLine = head?.Split("\r\n", 2)[0].Split(' ');
        if (requestLine is not [var method, var target, var version] || !version.StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return Response("400 Bad Request", "text/plain; charset=utf-8", "bad request\n");
        }

        var path = target.Split('?', 2)[0];
        return method == "GET" && path == "/metrics"
            ? Response("200 OK", contentType, scrape())
            : Response("404 Not Found", "text/plain; charset=utf-8", "not found: the metrics are at /metrics\n");
    }

    private static byte[] Response(string status, string contentType, string body)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var headers = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {content.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n");
        return [.. headers, .. content];
    }
}
