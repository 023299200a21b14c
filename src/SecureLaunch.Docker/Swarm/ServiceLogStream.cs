using System.Buffers;
using System.Net.Sockets;
using Docker.DotNet;
using Microsoft.Extensions.Logging;
using SecureLaunch.Docker.Logging;

namespace SecureLaunch.Docker.Swarm;

/// <summary>
/// The followed stdout and stderr of every task of a service (<c>GET /services/{id}/logs?follow=1</c>), tasks
/// that replace others during an update included. Bytes are copied unchanged and flushed as they come.
/// </summary>
/// <remarks>
/// Lines of several replicas interleave line by line, without a task prefix (the API adds one only with
/// <c>details=1</c>). <see cref="Completion"/> ends when the daemon ends the stream, faults with a
/// <see cref="DockerEngineException"/> when the connection breaks, and is cancelled by disposal. Once
/// <see cref="DisposeAsync"/> has returned, nothing more is written.
/// </remarks>
public sealed class ServiceLogStream : IAsyncDisposable
{
    private const int BufferSize = 16 * 1024;

    private readonly MultiplexedStream _stream;
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private int _disposed;

    internal ServiceLogStream(string serviceId, MultiplexedStream stream, Stream stdout, Stream stderr, ILogger logger)
    {
        ServiceId = serviceId;
        _stream = stream;
        _logger = logger;
        var token = _stop.Token;
        Completion = Task.Run(() => PumpAsync(stdout, stderr, token), CancellationToken.None);
    }

    public string ServiceId { get; }

    /// <summary>Ends when the daemon ends the log stream.</summary>
    public Task Completion { get; }

    /// <summary>Stops copying and closes the connection; idempotent, never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        _stream.Dispose();
        try
        {
            await Completion;
        }
        catch (Exception)
        {
            // Ended by this disposal, or a failure already observable through Completion.
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
                    Log.ServiceLogsEnded(_logger, new ShortId(ServiceId));
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
            throw new OperationCanceledException("the log stream was disposed", e, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Log.ServiceLogsFailed(_logger, new ShortId(ServiceId), e);
            throw new DockerEngineException($"log stream of service {new ShortId(ServiceId)} broke off: {e.Message}", e);
        }
    }
}
