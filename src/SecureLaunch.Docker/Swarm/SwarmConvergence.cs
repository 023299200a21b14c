namespace SecureLaunch.Docker.Swarm;

/// <summary>How far a service is from running its current spec on every replica.</summary>
public sealed record SwarmConvergence
{
    public required SwarmServiceInfo Service { get; init; }

    /// <summary>Every desired replica runs the current spec, and no task of an older spec is still running.</summary>
    public required bool Converged { get; init; }

    /// <summary>It cannot get there without someone acting: the update paused or rolled back, or tasks keep failing.</summary>
    public bool Hopeless { get; init; }

    /// <summary>Current tasks that are running.</summary>
    public required IReadOnlyList<SwarmTaskInfo> Running { get; init; }

    /// <summary>One line per slot that is not there yet, saying why in the daemon's words (no values).</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>One line: how many replicas run the current spec, and the problems.</summary>
    public string Summary =>
        $"{Running.Count}/{Service.Replicas} task(s) running the current spec"
        + (Problems.Count > 0 ? ": " + string.Join("; ", Problems) : "");
}
