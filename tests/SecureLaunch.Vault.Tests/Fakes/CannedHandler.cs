using System.Collections.Concurrent;
using System.Net;

namespace SecureLaunch.Vault.Tests.Fakes;

/// <summary>
/// A Vault that answers from a script: per method and path, a queue of canned responses (the last repeats),
/// or a function. Unknown routes answer 404 with an empty <c>errors</c>, as Vault does.
/// </summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _routes = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TimeProvider _time;

    public CannedHandler(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public CannedHandler On(string method, string pathAndQuery, params CannedResponse[] responses)
    {
        var index = -1;
        return On(method, pathAndQuery, (_, _) =>
        {
            var next = responses[Math.Min(Interlocked.Increment(ref index), responses.Length - 1)];
            return Task.FromResult(next.ToMessage());
        });
    }

    public CannedHandler On(string method, string pathAndQuery, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _routes[Key(method, pathAndQuery)] = respond;
        return this;
    }

    /// <summary>Answers depending on the request (its headers, its body).</summary>
    public CannedHandler On(string method, string pathAndQuery, Func<HttpRequestMessage, CannedResponse> respond) =>
        On(method, pathAndQuery, (request, _) => Task.FromResult(respond(request).ToMessage()));

    /// <summary>A KV mount as <c>sys/internal/ui/mounts/:path</c> reports it.</summary>
    public CannedHandler OnMount(string path, string mount, string type, string? kvVersion) =>
        On("GET", $"/v1/sys/internal/ui/mounts/{path}", CannedResponse.Ok(Samples.MountInfo(mount, type, kvVersion)));

    public int Count(string method, string pathAndQuery) =>
        Requests.Count(r => r.Method == method && r.PathAndQuery == pathAndQuery);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var pathAndQuery = request.RequestUri!.PathAndQuery;
        _requests.Enqueue(new RecordedRequest(request.Method.Method, pathAndQuery, headers, body, _time.GetUtcNow())
        {
            Authority = request.RequestUri.GetLeftPart(UriPartial.Authority),
        });

        return _routes.TryGetValue(Key(request.Method.Method, pathAndQuery), out var respond)
            ? await respond(request, cancellationToken)
            : CannedResponse.Error(404).ToMessage();
    }

    private static string Key(string method, string pathAndQuery) => $"{method} {pathAndQuery}";
}
