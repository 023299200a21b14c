using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace SecureLaunch.Docker.Tests.Support;

/// <summary>
/// A registry on 127.0.0.1 (which the daemon treats as insecure, so plain HTTP) that knows every
/// repository but only as a manifest list for windows/s390x: any pull starts, then fails for this platform.
/// </summary>
internal sealed class FakeRegistry : IAsyncDisposable
{
    private const string ManifestListType = "application/vnd.docker.distribution.manifest.list.v2+json";

    private static readonly byte[] ManifestList = Encoding.UTF8.GetBytes(
        $$$"""{"schemaVersion":2,"mediaType":"{{{ManifestListType}}}","manifests":[{"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":100,"digest":"sha256:{{{new string('a', 64)}}}","platform":{"architecture":"s390x","os":"windows"}}]}""");

    private static readonly string ManifestDigest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(ManifestList));

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _serving;

    private FakeRegistry(int port)
    {
        Host = $"127.0.0.1:{port}";
        _listener.Prefixes.Add($"http://{Host}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Host { get; }

    public IReadOnlyCollection<string> Requests => _requests;

    public static FakeRegistry Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new FakeRegistry(port);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var path = context.Request.Url?.AbsolutePath ?? "";
        _requests.Enqueue($"{context.Request.HttpMethod} {path}");
        var response = context.Response;
        var body = path switch
        {
            "/v2/" => "{}"u8.ToArray(),
            _ when path.Contains("/manifests/", StringComparison.Ordinal) => ManifestList,
            _ => null,
        };
        if (body is null)
        {
            response.StatusCode = 404;
            response.Close();
            return;
        }

        if (body == ManifestList)
        {
            response.ContentType = ManifestListType;
            response.AddHeader("Docker-Content-Digest", ManifestDigest);
        }

        response.ContentLength64 = body.Length;
        if (context.Request.HttpMethod != "HEAD")
        {
            response.OutputStream.Write(body);
        }

        response.Close();
    }
}
