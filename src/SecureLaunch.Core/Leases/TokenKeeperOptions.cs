namespace SecureLaunch.Core.Leases;

/// <summary>How a <see cref="TokenKeeper"/> runs.</summary>
public sealed record TokenKeeperOptions
{
    /// <summary>Every wait and timestamp; share it with the <see cref="LeaseSupervisor"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Jitter in [0, 1) for the grace; null: <see cref="Random.Shared"/>.</summary>
    public Func<double>? Jitter { get; init; }

    /// <summary>Events kept for a slow reader; past that the oldest are dropped.</summary>
    public int EventCapacity { get; init; } = 256;

    /// <summary>How long disposal waits for a renewal or login in flight to notice cancellation.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
