using System.Buffers;
using System.Net.Sockets;
using Docker.DotNet;
using Microsoft.Extensions.Logging;
using SecureLaunch.Docker.Logging;

namespace SecureLaunch.Docker.Containers;

/// <summary>
/// A live attachment to a container's stdout and stderr: bytes are copied, unchanged and flushed as they
/// come, to the streams given to <see cref="IContainerEngine.AttachAsync"/>.
/// </summary>
/// <remarks>
/// <see cref="Completion"/> completes when the container's streams end (it has exited and its output is
/// drained), faults with a <see cref="DockerEngineException"/> when the connection breaks, or with what the
/// destination stream threw, and is cancelled when the attachment is disposed first. Once
/// <see cref="DisposeAsync"/> has returned, nothing more is written to the destination streams.
/// </remarks>
public sealed class ContainerAttachment : IAsyncDisposable
{
    private const int BufferSize = 16 * 1024;

    private readonly MultiplexedStream _stream;
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private int _disposed;

    internal ContainerAttachment(string containerId, MultiplexedStream stream, Stream stdout, Stream stderr, ILogger logger)
    {
        ContainerId = containerId;
        _stream = stream;
        _logger = logger;
        var token = _stop.Token;
        Completion = Task.Run(() => PumpAsync(stdout, stderr, token), CancellationToken.None);
    }

    public string ContainerId { get; }

    /// <summary>Ends when the container's output has ended and has all been written out.</summary>
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
        var id = new ShortId(ContainerId);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await ReadAsync(buffer, cancellationToken);
                if (read.EOF)
                {
                    Log.AttachEnded(_logger, id);
                    return;
                }

                var destination = read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout;
                await destination.WriteAsync(buffer.AsMemory(0, read.Count), cancellationToken);
                await destination.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
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
            throw new OperationCanceledException("the attachment was disposed", e, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Log.AttachFailed(_logger, new ShortId(ContainerId), e);
            throw new DockerEngineException($"output stream of container {new ShortId(ContainerId)} broke off: {e.Message}", e);
        }
    }
}
