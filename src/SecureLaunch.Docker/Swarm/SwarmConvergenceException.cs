namespace SecureLaunch.Docker.Swarm;

/// <summary>A service did not get every replica running its current spec in time, or cannot.</summary>
/// <remarks>The message is one line naming the service and, per replica, what the task status says (never a value).</remarks>
public sealed class SwarmConvergenceException : DockerEngineException
{
    public SwarmConvergenceException(SwarmConvergence convergence, TimeSpan waited)
        : base(Describe(convergence, waited))
    {
        Convergence = convergence;
    }

    /// <summary>The last state seen.</summary>
    public SwarmConvergence Convergence { get; }

    private static string Describe(SwarmConvergence convergence, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(convergence);
        var why = convergence.Hopeless ? "cannot converge" : $"did not converge within {waited.TotalSeconds:0.#}s";
        return $"service {convergence.Service.Name} {why}: {convergence.Summary}";
    }
}
