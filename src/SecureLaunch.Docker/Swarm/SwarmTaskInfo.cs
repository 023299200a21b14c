namespace SecureLaunch.Docker.Swarm;

/// <summary>One task of a service: a container Swarm placed (or tried to place) on a node.</summary>
public sealed record SwarmTaskInfo
{
    public required string Id { get; init; }
    public required string ServiceId { get; init; }

    /// <summary>The replica slot (1-based); 0 for global services.</summary>
    public long Slot { get; init; }

    public string NodeId { get; init; } = "";

    /// <summary>Where the task is: <c>new</c> ... <c>running</c>, <c>complete</c>, <c>shutdown</c>, <c>failed</c>, <c>rejected</c>, ...</summary>
    public required string State { get; init; }

    /// <summary>Where Swarm wants it: <c>running</c> for a current task, <c>shutdown</c> for one being replaced.</summary>
    public required string DesiredState { get; init; }

    /// <summary>The daemon's status message (<c>started</c>, <c>preparing</c>, a scheduler reason...).</summary>
    public string Message { get; init; } = "";

    /// <summary>Why the task failed or was rejected; empty otherwise.</summary>
    public string Error { get; init; } = "";

    public long? ExitCode { get; init; }
    public string? ContainerId { get; init; }
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Ids of the secrets this task mounts.</summary>
    public required IReadOnlyList<string> SecretIds { get; init; }

    /// <summary>See <see cref="SwarmServiceInfo.SpecDigest"/>.</summary>
    public required string SpecDigest { get; init; }

    /// <summary>A current task that is running.</summary>
    public bool IsRunning => State == "running" && DesiredState == "running";

    /// <summary>A task that will not run again: it ended, failed, was rejected or is being removed.</summary>
    public bool IsTerminal => State is "complete" or "shutdown" or "failed" or "rejected" or "remove" or "orphaned";
}
