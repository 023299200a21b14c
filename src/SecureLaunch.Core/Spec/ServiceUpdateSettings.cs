namespace SecureLaunch.Core.Spec;

/// <summary>A service's <c>update:</c> section; unset fields keep Swarm's defaults.</summary>
public sealed record ServiceUpdateSettings
{
    /// <summary>Tasks replaced at a time (0: all at once); Swarm's default is 1.</summary>
    public int? Parallelism { get; init; }
    public TimeSpan? Delay { get; init; }

    /// <summary><c>stop-first</c> (Swarm's default) or <c>start-first</c>.</summary>
    public string? Order { get; init; }

    /// <summary><c>pause</c> (Swarm's default), <c>continue</c> or <c>rollback</c>.</summary>
    public string? FailureAction { get; init; }
    public TimeSpan? Monitor { get; init; }
}
