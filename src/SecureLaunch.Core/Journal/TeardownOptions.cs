using SecureLaunch.Vault;

namespace SecureLaunch.Core.Journal;

/// <summary>How <see cref="LaunchTeardown"/> cleans up after a launch from its journal.</summary>
public sealed record TeardownOptions
{
    /// <summary>A client with a token that may revoke the leases (and the token, by accessor); null when none could be had.</summary>
    public IVaultClient? Vault { get; init; }

    /// <summary>The namespace <see cref="Vault"/> sends, to check it is where the leases live.</summary>
    public string? VaultNamespace { get; init; }

    /// <summary>Why there is no <see cref="Vault"/>, for the line that says the leases were not revoked.</summary>
    public string? VaultUnavailable { get; init; }

    /// <summary>False: leave the leases and the token to expire (the launch ran with <c>--no-revoke</c>) and stop tracking them.</summary>
    public bool RevokeLeases { get; init; } = true;

    /// <summary>Time a container still running gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);
}
