namespace SecureLaunch.Vault.Sys;

/// <summary>What <c>sys/seal-status</c> says, and what <c>sys/unseal</c> answers after each key share.</summary>
public sealed record VaultSealStatus
{
    public required bool Sealed { get; init; }

    /// <summary>Key shares needed to unseal (<c>t</c>).</summary>
    public required int Threshold { get; init; }

    /// <summary>Key shares the root key was split into (<c>n</c>).</summary>
    public required int Shares { get; init; }

    /// <summary>Key shares given so far in the current unseal attempt; 0 once unsealed.</summary>
    public required int Progress { get; init; }

    /// <summary>False for a Vault that was never initialized (<c>sys/unseal</c> does not say; true there).</summary>
    public bool Initialized { get; init; } = true;

    /// <summary>The seal type: <c>shamir</c>, or an auto-unseal type.</summary>
    public string? Type { get; init; }

    /// <summary>Identifies the current unseal attempt; changes after a reset.</summary>
    public string? Nonce { get; init; }

    public string? Version { get; init; }

    public string? BuildDate { get; init; }

    public bool Migration { get; init; }

    public bool RecoverySeal { get; init; }

    public string? StorageType { get; init; }

    /// <summary>Present once unsealed.</summary>
    public string? ClusterName { get; init; }

    public string? ClusterId { get; init; }
}
