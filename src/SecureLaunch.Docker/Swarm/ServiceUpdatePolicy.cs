namespace SecureLaunch.Docker.Swarm;

/// <summary>How a service's tasks are replaced on update (<c>UpdateConfig</c>).</summary>
public sealed record ServiceUpdatePolicy
{
    /// <summary>Tasks replaced at a time; 0 means all at once.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Pause between batches.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary><c>stop-first</c> (Swarm's default) or <c>start-first</c>.</summary>
    public string Order { get; init; } = "stop-first";

    /// <summary><c>pause</c> (Swarm's default), <c>continue</c> or <c>rollback</c>.</summary>
    public string FailureAction { get; init; } = "pause";

    /// <summary>How long a new task is watched for failure after each batch; null for Swarm's default (5 s).</summary>
    public TimeSpan? Monitor { get; init; }
}
