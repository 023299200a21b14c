namespace SecureLaunch.Vault.Json;

/// <summary>The body of <c>sys/seal-status</c> and of <c>sys/unseal</c> (which sends a subset).</summary>
internal sealed record SealStatusResponse
{
    public string? Type { get; init; }

    public bool Initialized { get; init; }

    public bool Sealed { get; init; }

    /// <summary>The threshold: key shares needed to unseal.</summary>
    public int T { get; init; }

    /// <summary>The number of key shares.</summary>
    public int N { get; init; }

    public int Progress { get; init; }

    public string? Nonce { get; init; }

    public string? Version { get; init; }

    public string? BuildDate { get; init; }

    public bool Migration { get; init; }

    public string? ClusterName { get; init; }

    public string? ClusterId { get; init; }

    public bool RecoverySeal { get; init; }

    public string? StorageType { get; init; }
}
