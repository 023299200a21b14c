using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SecureLaunch.Vault.Tests.Fakes;

/// <summary>
/// A real HTTPS listener on loopback that answers every request with one JSON body, to test the client's TLS
/// settings end to end (handshake, chain, name, client certificate) without the dev Vault.
/// </summary>
internal sealed class TlsTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly bool _requireClientCertificate;
    private readonly string _body;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _handshakes;

    public TlsTestServer(X509Certificate2 certificate, string body, bool requireClientCertificate = false)
    {
        _certificate = certificate;
        _body = body;
        _requireClientCertificate = requireClientCertificate;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Address => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>TCP connections that reached the TLS handshake.</summary>
    public int Handshakes => Volatile.Read(ref _handshakes);

    /// <summary>The subject of the last client certificate presented.</summary>
    public string? ClientSubject { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        Interlocked.Increment(ref _handshakes);
        try
        {
            await using var tls = new SslStream(client.GetStream());
            await tls.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    ClientCertificateRequired = _requireClientCertificate,
                    RemoteCertificateValidationCallback = (_, certificate, _, _) => !_requireClientCertificate || certificate is not null,
                },
                _stop.Token);
            ClientSubject = tls.RemoteCertificate?.Subject;
            await ReadHeadersAsync(tls);
            var body = Encoding.UTF8.GetBytes(_body);
            var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await tls.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
            await tls.WriteAsync(body, _stop.Token);
            await tls.FlushAsync(_stop.Token);
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            // A client that refused our certificate: what several tests expect.
        }
    }

    private async Task ReadHeadersAsync(Stream stream)
    {
        var seen = new StringBuilder();
        var buffer = new byte[1024];
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }
}
