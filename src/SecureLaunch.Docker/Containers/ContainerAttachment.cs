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
    private readonly MultiplexedPump _pump;

    internal ContainerAttachment(string containerId, MultiplexedStream stream, Stream stdout, Stream stderr, ILogger logger)
    {
        ContainerId = containerId;
        var id = new ShortId(containerId);
        _pump = new MultiplexedPump(stream, stdout, stderr, $"output stream of container {id}", () => Log.AttachEnded(logger, id), e => Log.AttachFailed(logger, id, e));
    }

    public string ContainerId { get; }

    /// <summary>Ends when the container's output has ended and has all been written out.</summary>
    public Task Completion => _pump.Completion;

    /// <summary>Stops copying and closes the connection; idempotent, never throws.</summary>
    public ValueTask DisposeAsync() => _pump.DisposeAsync();
}
