using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Diagnostics.Metrics;

namespace SecureLaunch.Cli.Hosting;

/// <summary>
/// Serves <see cref="LaunchMetrics"/> over HTTP for <c>run --metrics</c>: a TCP listener on exactly the address asked
/// for, a few requests at a time, each cut off after <see cref="RequestTimeout"/>. No Kestrel: the CLI needs one
/// endpoint, not a web server. Disposal stops listening and waits for the requests in flight; it never throws.
/// </summary>
internal sealed class MetricsServer : IAsyncDisposable
{
    /// <summary>How long a client has to send its request and read the answer.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private const int MaxConcurrentRequests = 4;

    private readonly TcpListener _listener;
    private readonly LaunchMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _slots = new(MaxConcurrentRequests);
    private readonly Task _accepting;
    private int _disposed;

    private MetricsServer(TcpListener listener, MetricsAddress address, LaunchMetrics metrics, ILogger logger, TimeProvider time)
    {
        _listener = listener;
        Address = address;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _accepting = Task.Run(AcceptAsync);
    }

    public MetricsAddress Address { get; }

    /// <summary>Binds <paramref name="address"/> and starts serving.</summary>
    /// <exception cref="SocketException">The address cannot be bound (port in use, address not on this host, privileged port).</exception>
    public static MetricsServer Start(MetricsAddress address, LaunchMetrics metrics, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(address);
        var listener = new TcpListener(address.Address, address.Port);
        try
        {
            listener.Start();
        }
        catch (SocketException)
        {
            listener.Dispose();
            throw;
        }

        return new MetricsServer(listener, address, metrics, logger, time);
    }

    /// <summary>The one line for a bind that failed: <c>--metrics 127.0.0.1:9464: cannot listen there: the port is already in use</c>.</summary>
    public static string DescribeBindFailure(MetricsAddress address, SocketException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = exception.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => "the port is already in use",
            SocketError.AddressNotAvailable => "no interface of this host has that address",
            SocketError.AccessDenied => "permission denied (ports below 1024 need privileges)",
            _ => exception.Message,
        };
        return $"--metrics {address}: cannot listen there: {reason}";
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting.WaitAsync(RequestTimeout, _time);

            // Every slot back means no request is in flight any more.
            for (var i = 0; i < MaxConcurrentRequests; i++)
            {
                if (!await _slots.WaitAsync(RequestTimeout, CancellationToken.None))
                {
                    break;
                }
            }
        }
        catch (TimeoutException)
        {
            // A request stuck past its own timeout loses its answer, not the shutdown.
        }

        _listener.Dispose();
        _stop.Dispose();
        MetricsLog.Stopped(_logger, Address.Url);
    }

    private async Task AcceptAsync()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                await _slots.WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                client = await _listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                _slots.Release();
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            _ = Task.Run(() => ServeAsync(client), CancellationToken.None);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var peer = client.Client.RemoteEndPoint?.ToString() ?? "unknown";
        try
        {
            using (client)
            using (var timeout = new CancellationTokenSource(RequestTimeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stop.Token))
            {
                var stream = client.GetStream();
                var head = await MetricsHttp.ReadHeadAsync(stream, linked.Token);
                var response = MetricsHttp.Respond(head, _metrics.Scrape, LaunchMetrics.ContentType);
                await stream.WriteAsync(response, linked.Token);
            }
        }
        catch (Exception ex)
        {
            // Whatever went wrong with one client, the server (and the launch) go on.
            MetricsLog.ScrapeFailed(_logger, peer, ex is OperationCanceledException ? "timed out, or the launch ended" : ex.GetType().Name);
        }
        finally
        {
            _slots.Release();
        }
    }
}
