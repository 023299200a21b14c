using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Docker;

/// <summary>
/// The Swarm side of the Docker engine as Core sees it: secrets, configs, services, their tasks and logs.
/// Every call but <see cref="GetSwarmStatusAsync"/> needs this daemon to be an active swarm manager. Failures
/// surface as <see cref="DockerEngineException"/> subtypes whose messages hold names and ids, never secret data.
/// </summary>
public interface ISwarmEngine
{
    /// <summary>This node's swarm state, from <c>GET /info</c>.</summary>
    Task<SwarmStatus> GetSwarmStatusAsync(CancellationToken cancellationToken);

    /// <summary>Creates a secret; its data is checked against Swarm's size limit first, then sent once and never logged.</summary>
    Task<SwarmObjectInfo> CreateSecretAsync(NewSwarmObject secret, CancellationToken cancellationToken);

    /// <summary>Secrets carrying every given label (no data: the daemon never returns it).</summary>
    Task<IReadOnlyList<SwarmObjectInfo>> ListSecretsAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>Removes a secret; one that is gone is not an error, one still used by a service is.</summary>
    Task RemoveSecretAsync(string secretId, CancellationToken cancellationToken);

    /// <summary>Creates a config (non-secret file data, such as a binary); checked against Swarm's size limit first.</summary>
    Task<SwarmObjectInfo> CreateConfigAsync(NewSwarmObject config, CancellationToken cancellationToken);

    /// <summary>Configs carrying every given label.</summary>
    Task<IReadOnlyList<SwarmObjectInfo>> ListConfigsAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>A config's data, which the daemon (unlike a secret's) gives back; null when no such config exists.</summary>
    Task<byte[]?> ReadConfigAsync(string configId, CancellationToken cancellationToken);

    /// <summary>Removes a config; one that is gone is not an error.</summary>
    Task RemoveConfigAsync(string configId, CancellationToken cancellationToken);

    /// <summary>Creates a replicated service and returns its id; it does not wait for tasks to run.</summary>
    Task<string> CreateServiceAsync(SwarmServiceSpec spec, CancellationToken cancellationToken);

    /// <summary>The service by id or name.</summary>
    Task<SwarmServiceInfo> InspectServiceAsync(string serviceId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the service's spec with <paramref name="spec"/>; <paramref name="version"/> is the
    /// <see cref="SwarmServiceInfo.Version"/> it was read at, so a concurrent write fails instead of being lost.
    /// </summary>
    Task UpdateServiceAsync(string serviceId, ulong version, SwarmServiceSpec spec, CancellationToken cancellationToken);

    /// <summary>Removes the service (Swarm then stops its tasks); one that is gone is not an error.</summary>
    Task RemoveServiceAsync(string serviceId, CancellationToken cancellationToken);

    /// <summary>Services carrying every given label.</summary>
    Task<IReadOnlyList<SwarmServiceInfo>> ListServicesAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>Every task of the service Swarm still keeps, current and past.</summary>
    Task<IReadOnlyList<SwarmTaskInfo>> ListTasksAsync(string serviceId, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until every desired replica runs the service's current spec and no task of an older spec still
    /// runs. Throws <see cref="SwarmConvergenceException"/>, naming each replica's problem from its task status,
    /// when <paramref name="timeout"/> passes or the service cannot get there (update paused or rolled back,
    /// tasks failing again and again).
    /// </summary>
    Task<SwarmConvergence> WaitForConvergenceAsync(string serviceId, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Follows the logs of every task of the service, copying stdout and stderr to the given streams.</summary>
    Task<ServiceLogStream> StreamServiceLogsAsync(string serviceId, Stream stdout, Stream stderr, CancellationToken cancellationToken);
}
