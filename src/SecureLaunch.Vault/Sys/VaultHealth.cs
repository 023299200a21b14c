namespace SecureLaunch.Vault.Sys;

/// <summary>The body of <c>sys/health</c>, with the HTTP status code it came with.</summary>
public sealed record VaultHealth
{
    /// <summary>200 active, 429 standby, 472 DR secondary, 473 performance standby, 501 not initialized, 503 sealed.</summary>
    public required int StatusCode { get; init; }
    public required bool Initialized { get; init; }
    public required bool Sealed { get; init; }
    public required bool Standby { get; init; }

    /// <summary>A Vault Enterprise performance standby (status 473), which serves reads itself.</summary>
    public bool PerformanceStandby { get; init; }

    /// <summary>True for 472: a disaster-recovery secondary, which serves no client requests.</summary>
    public bool DrSecondary => StatusCode == 472;

    /// <summary>As every verb prints it: <c>not initialised</c>, <c>sealed</c>, <c>unsealed, standby</c> or <c>unsealed, active</c>.</summary>
    public string State =>
        !Initialized ? "not initialised"
        : Sealed ? "sealed"
        : Standby ? "unsealed, standby" : "unsealed, active";

    public string? Version { get; init; }
    public string? ClusterName { get; init; }
    public string? ClusterId { get; init; }
    public string? ReplicationPerformanceMode { get; init; }
    public string? ReplicationDrMode { get; init; }

    /// <summary>The server's clock when it answered (<c>server_time_utc</c>), to spot clock skew that shortens leases.</summary>
    public DateTimeOffset? ServerTime { get; init; }
}
