namespace SecureLaunch.Core.Deploy;

/// <summary>How long <c>deploy</c> and <c>undeploy</c> wait for the agent, and how often they look.</summary>
public sealed record DeployTiming
{
    /// <summary>How long the agent may take to answer (its deploy includes the services' convergence).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a hand-off may wait for an agent to take it before deploy gives up on finding one.</summary>
    public TimeSpan PickupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the cluster is asked for the agent's answer.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);
}
