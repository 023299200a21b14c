using Docker.DotNet;
using Microsoft.Extensions.Logging;
using SecureLaunch.Docker.Containers;
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
    private readonly MultiplexedPump _pump;

    internal ServiceLogStream(string serviceId, MultiplexedStream stream, Stream stdout, Stream stderr, ILogger logger)
    {
        ServiceId = serviceId;
        var id = new ShortId(serviceId);
        _pump = new MultiplexedPump(stream, stdout, stderr, $"log stream of service {id}", () => Log.ServiceLogsEnded(logger, id), e => Log.ServiceLogsFailed(logger, id, e));
    }

    public string ServiceId { get; }

    /// <summary>Ends when the daemon ends the log stream.</summary>
    public Task Completion => _pump.Completion;

    /// <summary>Stops copying and closes the connection; idempotent, never throws.</summary>
    public ValueTask DisposeAsync() => _pump.DisposeAsync();
}
