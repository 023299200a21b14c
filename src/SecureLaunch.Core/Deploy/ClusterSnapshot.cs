using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Core.Deploy;

/// <summary>What deploy and the agent keep in the cluster, as one listing saw it.</summary>
/// <param name="Handoffs">Hand-offs waiting for the agent, in name order.</param>
/// <param name="States">The newest state version of every launch, in name order.</param>
public sealed record ClusterSnapshot(IReadOnlyList<SwarmObjectInfo> Handoffs, IReadOnlyList<StateRecord> States);
