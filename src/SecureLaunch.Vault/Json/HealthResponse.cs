namespace SecureLaunch.Vault.Json;

/// <summary>The body of <c>sys/health</c>, sent with every one of its status codes.</summary>
internal sealed record HealthResponse
{
    public bool Initialized { get; init; }

    public bool Sealed { get; init; }

    public bool Standby { get; init; }

    public bool PerformanceStandby { get; init; }

    public string? ReplicationPerformanceMode { get; init; }

    public string? ReplicationDrMode { get; init; }

    public long? ServerTimeUtc { get; init; }

    public string? Version { get; init; }

    public string? ClusterName { get; init; }

    public string? ClusterId { get; init; }
}
