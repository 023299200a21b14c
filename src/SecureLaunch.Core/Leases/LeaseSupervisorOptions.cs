namespace SecureLaunch.Core.Leases;

/// <summary>How a <see cref="LeaseSupervisor"/> runs. The defaults are Vault Agent's numbers (see <see cref="RenewalSchedule"/>).</summary>
public sealed record LeaseSupervisorOptions
{
    /// <summary>Every wait and every timestamp comes from here; tests pass a FakeTimeProvider shared with the dev Vault.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Jitter in [0, 1) for graces and non-renewable re-fetch points; called from several loops at once, so thread-safe. Null: <see cref="Random.Shared"/>.</summary>
    public Func<double>? Jitter { get; init; }

    /// <summary>The <c>increment</c> asked for on each renewal; null lets Vault apply the backend's TTL (what Vault Agent does by default).</summary>
    public TimeSpan? RenewIncrement { get; init; }

    /// <summary>New credentials allowed per secret per <see cref="MintWindow"/>.</summary>
    public int MintLimit { get; init; } = MintBudget.DefaultLimit;

    /// <summary>The window of <see cref="MintLimit"/>.</summary>
    public TimeSpan MintWindow { get; init; } = MintBudget.DefaultWindow;

    /// <summary>How often a KV secret passed to <see cref="LeaseSupervisor.WatchKv"/> without its own interval is read again.</summary>
    public TimeSpan KvInterval { get; init; } = RenewalSchedule.DefaultKvInterval;

    /// <summary>Events kept for a slow reader; past that the oldest are dropped (the log still has them).</summary>
    public int EventCapacity { get; init; } = 1024;

    /// <summary>How long disposal waits for the loops (and a re-fetch delegate in flight) to notice cancellation.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
