namespace SecureLaunch.Docker.Swarm;

/// <summary>A service as the daemon reports it.</summary>
public sealed record SwarmServiceInfo
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>The object version an update must name (<c>?version=</c>); it changes with every write.</summary>
    public required ulong Version { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>Replicas asked for.</summary>
    public required int Replicas { get; init; }

    /// <summary>Secrets the current spec mounts.</summary>
    public required IReadOnlyList<SwarmFileReference> Secrets { get; init; }

    /// <summary>Configs the current spec mounts.</summary>
    public required IReadOnlyList<SwarmFileReference> Configs { get; init; }

    /// <summary>
    /// A digest of the current task template (image, command, env, secrets, configs, placement, force-update
    /// counter): a task whose <see cref="SwarmTaskInfo.SpecDigest"/> equals it runs the current spec.
    /// </summary>
    public required string SpecDigest { get; init; }

    /// <summary><c>updating</c>, <c>paused</c>, <c>completed</c>, <c>rollback_started</c>, <c>rollback_paused</c>, <c>rollback_completed</c>; null before the first update.</summary>
    public string? UpdateState { get; init; }

    /// <summary>The daemon's words on the last update, e.g. why it paused.</summary>
    public string? UpdateMessage { get; init; }
}
