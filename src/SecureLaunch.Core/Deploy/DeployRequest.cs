using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Deploy;

/// <summary>One <c>deploy</c>: the spec, how the launch token is made, and how long to wait.</summary>
public sealed record DeployRequest
{
    public required RunSpec Spec { get; init; }

    /// <summary>The spec as resolved configuration keys, which the agent binds again (<see cref="SpecLoadResult.Values"/>).</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>Where the spec came from, for messages.</summary>
    public required string Source { get; init; }

    /// <summary>How long the wrapping token lives: the agent must unwrap it within this time.</summary>
    public TimeSpan WrapTtl { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long to wait for the agent.</summary>
    public DeployTiming Timing { get; init; } = new();
}
