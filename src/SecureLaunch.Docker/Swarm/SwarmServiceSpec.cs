namespace SecureLaunch.Docker.Swarm;

/// <summary>A replicated service to create or to update to, already resolved: no templates, no secret values.</summary>
/// <remarks>
/// An update sends the whole spec, as <c>docker service update</c> does: whatever is not set here is reset to
/// Swarm's default, so callers update from the spec they created the service with.
/// </remarks>
public sealed record SwarmServiceSpec
{
    public required string Name { get; init; }
    public required string Image { get; init; }

    /// <summary>Replaces the image's ENTRYPOINT when not null (Swarm's <c>ContainerSpec.Command</c>).</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Replaces the image's CMD when not null (Swarm's <c>ContainerSpec.Args</c>).</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Environment as NAME=value pairs; visible in <c>docker service inspect</c>, so never a secret.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Labels of the service.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Labels of each task's container.</summary>
    public IReadOnlyDictionary<string, string> ContainerLabels { get; init; } = new Dictionary<string, string>();

    public int Replicas { get; init; } = 1;
    public IReadOnlyList<SwarmFileReference> Secrets { get; init; } = [];
    public IReadOnlyList<SwarmFileReference> Configs { get; init; } = [];
    public string? User { get; init; }
    public string? WorkingDirectory { get; init; }

    /// <summary>Placement constraints, e.g. <c>node.platform.os == linux</c>.</summary>
    public IReadOnlyList<string> Constraints { get; init; } = [];

    public ServiceUpdatePolicy? Update { get; init; }
    public ServiceRestartPolicy? Restart { get; init; }

    /// <summary>Time between the stop signal and SIGKILL when a task is stopped; null for Swarm's default (10 s).</summary>
    public TimeSpan? StopGracePeriod { get; init; }

    /// <summary><c>process</c> or <c>hyperv</c> on Windows nodes; null for the default (Linux accepts nothing else).</summary>
    public string? Isolation { get; init; }

    /// <summary>Host paths bind-mounted into each task, resolved on the node the task runs on.</summary>
    public IReadOnlyList<SwarmBindMount> Mounts { get; init; } = [];

    /// <summary>Networks the tasks attach to, by name or id; <c>host</c> shares the node's network stack. Empty: Swarm's default.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>Bumped to make Swarm replace every task though nothing else changed.</summary>
    public ulong ForceUpdate { get; init; }
}
