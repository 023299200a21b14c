using System.Buffers;
using System.Net.Sockets;
using Docker.DotNet;

namespace SecureLaunch.Docker.Containers;

/// <summary>
/// Copies a daemon's multiplexed stdout/stderr stream (a container attachment, a service's followed logs) to two
/// streams, unchanged and flushed as bytes come. <see cref="Completion"/> ends when the daemon ends the stream,
/// faults with a <see cref="DockerEngineException"/> when the connection breaks (or with what a destination threw),
/// and is cancelled by disposal; once <see cref="DisposeAsync"/> has returned, nothing more is written. The copy
/// buffer is cleared before it goes back to the pool: it held container output, which may hold secrets.
/// </summary>
internal sealed class MultiplexedPump : IAsyncDisposable
{
    private const int BufferSize = 16 * 1024;

    private readonly MultiplexedStream _stream;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _what;
    private readonly Action _ended;
    private readonly Action<Exception> _broke;
    private int _disposed;

    /// <param name="stream">The daemon's stream; the pump owns and closes it.</param>
    /// <param name="stdout">Where stdout frames go.</param>
    /// <param name="stderr">Where stderr frames go.</param>
    /// <param name="what">The stream in messages: <c>output stream of container 1a2b3c4d5e6f</c>.</param>
    /// <param name="ended">Called once when the daemon ends the stream (for the log).</param>
    /// <param name="broke">Called when the connection breaks, before <see cref="Completion"/> faults (for the log).</param>
    public MultiplexedPump(MultiplexedStream stream, Stream stdout, Stream stderr, string what, Action ended, Action<Exception> broke)
    {
        _stream = stream;
        _what = what;
        _ended = ended;
        _broke = broke;
        var token = _stop.Token;
        Completion = Task.Run(() => PumpAsync(stdout, stderr, token), CancellationToken.None);
    }

    public Task Completion { get; }

    /// <summary>Stops copying and closes the connection; idempotent, never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();

        // Closing the socket also ends a read that does not watch the token.
        _stream.Dispose();
        try
        {
            await Completion;
        }
        catch (Exception)
        {
            // Ended by this disposal, or a failure already observable through Completion: disposal never throws.
        }

        _stop.Dispose();
    }

    private async Task PumpAsync(Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await ReadAsync(buffer, cancellationToken);
                if (read.EOF)
                {
                    _ended();
                    return;
                }

                var destination = read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout;
                await destination.WriteAsync(buffer.AsMemory(0, read.Count), cancellationToken);
                await destination.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            _stream.Dispose();
        }
    }

    private async Task<MultiplexedStream.ReadResult> ReadAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await _stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            throw new OperationCanceledException($"the {_what} was closed", e, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            _broke(e);
            throw new DockerEngineException($"{_what} broke off: {e.Message}", e);
        }
    }
}
