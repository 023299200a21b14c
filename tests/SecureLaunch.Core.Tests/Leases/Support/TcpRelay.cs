using System.Net;
using System.Net.Sockets;

namespace SecureLaunch.Core.Tests.Leases.Support;

/// <summary>
/// A loopback TCP relay in front of the dev Vault that can be cut (the port refuses connections and open ones are
/// dropped, as when Vault is down) and restored on the same port, so one client sees a real outage and a real recovery.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint _upstream;
    private readonly object _sync = new();
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    private TcpRelay(IPEndPoint upstream, int port)
    {
        _upstream = upstream;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static TcpRelay Start(Uri upstream)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var relay = new TcpRelay(new IPEndPoint(IPAddress.Loopback, upstream.Port), port);
        relay.Restore();
        return relay;
    }

    /// <summary>Stops listening and drops every relayed connection: the next request is refused.</summary>
    public void Cut()
    {
        lock (_sync)
        {
            _listener?.Stop();
            _listener = null;
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restore()
    {
        lock (_sync)
        {
            if (_listener is not null)
            {
                return;
            }

            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            _accepting = AcceptAsync(listener);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient downstream;
            try
            {
                downstream = await listener.AcceptTcpClientAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = RelayAsync(downstream);
        }
    }

    private async Task RelayAsync(TcpClient downstream)
    {
        var upstream = new TcpClient();
        lock (_sync)
        {
            _open.Add(downstream);
            _open.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(_upstream);
            var down = downstream.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up), up.CopyToAsync(down));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut, or one side closed: both are closed below.
        }
        finally
        {
            downstream.Dispose();
            upstream.Dispose();
            lock (_sync)
            {
                _open.Remove(downstream);
                _open.Remove(upstream);
            }
        }
    }
}
