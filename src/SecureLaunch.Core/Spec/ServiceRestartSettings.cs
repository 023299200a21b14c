namespace SecureLaunch.Core.Spec;

/// <summary>A service's <c>restart:</c> section; unset fields keep Swarm's defaults.</summary>
public sealed record ServiceRestartSettings
{
    /// <summary><c>any</c> (Swarm's default), <c>on-failure</c> or <c>none</c>.</summary>
    public string? Condition { get; init; }
    public TimeSpan? Delay { get; init; }
    public int? MaxAttempts { get; init; }
    public TimeSpan? Window { get; init; }
}
