namespace SecureLaunch.DevVault;

/// <summary>How to start an embedded dev Vault.</summary>
public sealed record DevVaultOptions
{
    /// <summary>Loopback <c>host:port</c> to bind; port 0 picks a free port.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>A fixed root token, or null for a random Vault-style <c>hvs.</c> token (the seed's token wins over null).</summary>
    public string? RootToken { get; init; }

    /// <summary>Secrets and database roles present at start.</summary>
    public DevVaultSeed Seed { get; init; } = DevVaultSeed.Empty;

    /// <summary>The clock leases and tokens expire on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The state health and seal status report at start; <see cref="DevVaultServer.Status"/> changes it later.</summary>
    public DevVaultStatus Status { get; init; } = DevVaultStatus.Active;
}
