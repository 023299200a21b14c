using SecureLaunch.Docker.Containers;
using SecureLaunch.Docker.Images;
using SecureLaunch.Docker.Networks;

namespace SecureLaunch.Docker;

/// <summary>
/// The Docker engine as Core sees it. Failures surface as <see cref="DockerEngineException"/> subtypes.
/// </summary>
public interface IContainerEngine : IDisposable
{
    /// <summary><c>GET /info</c> and <c>GET /version</c>: OS type, runtimes, isolation, swarm state.</summary>
    Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken);

    /// <summary>Uses the image when present, pulls it when missing; a failed pull is a <see cref="DockerImageException"/>.</summary>
    Task EnsureImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>Pulls the image even when it is present (<c>pull: always</c>); a failed pull is a <see cref="DockerImageException"/>.</summary>
    Task PullImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>The image's default entrypoint, command and user, and its platform; the image must be present.</summary>
    Task<ImageDetails> InspectImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>
    /// Creates (does not start) a container and connects it to every network of <see cref="ContainerSpec.Networks"/>;
    /// returns its id. When a connection fails, the container is removed before the error is thrown.
    /// </summary>
    Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// Attaches to stdout and stderr of a created container; call before starting it so no output is lost.
    /// Bytes are copied unchanged to the given streams until the container's streams end.
    /// </summary>
    Task<ContainerAttachment> AttachAsync(string containerId, Stream stdout, Stream stderr, CancellationToken cancellationToken);

    Task StartContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Waits for the container to exit and returns its exit code.</summary>
    Task<long> WaitContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Sends SIGTERM (or the image's stop signal), then SIGKILL after <paramref name="grace"/>. Stopping a stopped container is not an error.</summary>
    Task StopContainerAsync(string containerId, TimeSpan grace, CancellationToken cancellationToken);

    /// <summary>Sends a signal to the container's main process.</summary>
    Task SignalContainerAsync(string containerId, string signal, CancellationToken cancellationToken);

    /// <summary>Removes the container (forced, with its anonymous volumes). Removing one that is gone is not an error.</summary>
    Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>The container's state, health and published ports.</summary>
    Task<ContainerState> InspectContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Every network the daemon knows (on a swarm manager, the swarm's too).</summary>
    Task<IReadOnlyList<NetworkSummary>> ListNetworksAsync(CancellationToken cancellationToken);

    /// <summary>Containers, running or not, that carry every given label.</summary>
    Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);
}
