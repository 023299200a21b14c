namespace SecureLaunch.Docker.Swarm;

/// <summary>When Swarm replaces a task that ended (<c>TaskTemplate.RestartPolicy</c>).</summary>
public sealed record ServiceRestartPolicy
{
    /// <summary><c>any</c> (Swarm's default), <c>on-failure</c> or <c>none</c>.</summary>
    public string Condition { get; init; } = "any";

    /// <summary>Wait before a restart; null for Swarm's default (5 s).</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Restarts before giving up; null or 0 for no limit.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Window in which <see cref="MaxAttempts"/> counts; null for unbounded.</summary>
    public TimeSpan? Window { get; init; }
}
