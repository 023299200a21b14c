namespace SecureLaunch.Vault;

/// <summary>
/// The circuit breaker of the client's one resilience pipeline. Failures that count: no connection, a connection
/// lost, an attempt timeout, 500, 503 (neither sealed nor standby) and 504. A sealed or standby Vault, 4xx and 502
/// (a database behind Vault) do not: Vault itself answered. While open, calls fail at once with
/// <see cref="VaultUnreachableException"/> of reason <see cref="VaultUnreachableReason.CircuitOpen"/>.
/// </summary>
public sealed record VaultCircuitBreakerOptions
{
    /// <summary>Share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit, in (0, 1].</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>Attempts within <see cref="SamplingDuration"/> before the ratio is looked at (at least 2).</summary>
    public int MinimumThroughput { get; init; } = 6;

    /// <summary>The window attempts are counted in (at least 0.5 s).</summary>
    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls fail fast once open; then one trial attempt goes through (at least 0.5 s).</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}
