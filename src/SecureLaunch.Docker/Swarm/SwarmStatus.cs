namespace SecureLaunch.Docker.Swarm;

/// <summary>This node's place in a swarm, from the <c>Swarm</c> block of <c>GET /info</c>.</summary>
public sealed record SwarmStatus
{
    /// <summary><c>inactive</c>, <c>pending</c>, <c>active</c>, <c>error</c> or <c>locked</c>.</summary>
    public required string LocalNodeState { get; init; }

    /// <summary>Whether this node is a manager, and so may create services and secrets.</summary>
    public bool IsManager { get; init; }

    /// <summary>The node's id; empty outside a swarm.</summary>
    public string NodeId { get; init; } = "";

    /// <summary>Nodes in the swarm, as a manager sees them; null on workers.</summary>
    public long? Nodes { get; init; }

    /// <summary>The daemon's error for <c>error</c> state; empty otherwise.</summary>
    public string Error { get; init; } = "";

    /// <summary>Active and a manager: services, secrets and configs can be created through this daemon.</summary>
    public bool CanDeploy => IsManager && string.Equals(LocalNodeState, "active", StringComparison.Ordinal);
}
