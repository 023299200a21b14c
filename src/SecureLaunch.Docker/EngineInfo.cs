namespace SecureLaunch.Docker;

/// <summary>What the daemon says of itself.</summary>
public sealed record EngineInfo
{
    public required string ServerVersion { get; init; }
    public required string ApiVersion { get; init; }

    /// <summary><c>linux</c> or <c>windows</c>.</summary>
    public required string OSType { get; init; }

    /// <summary>Default isolation on Windows daemons (<c>process</c>, <c>hyperv</c>); <c>default</c> on Linux.</summary>
    public string? DefaultIsolation { get; init; }

    public required IReadOnlyList<string> Runtimes { get; init; }
    public required string DefaultRuntime { get; init; }

    /// <summary>Swarm local node state: <c>inactive</c>, <c>active</c>, <c>pending</c>, <c>error</c>, <c>locked</c>.</summary>
    public required string SwarmState { get; init; }
    public bool IsSwarmManager { get; init; }

    /// <summary>CPUs the daemon's host has (<c>NCPU</c>); 0 when it did not say.</summary>
    public int CpuCount { get; init; }
}
