using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.State;

/// <summary>Everything the server holds. One lock guards it all: every call is short and in memory.</summary>
internal sealed class DevVaultState
{
    public DevVaultState(TimeProvider clock, DevVaultStatus status)
    {
        Clock = clock;
        Status = status;
        Leases = new LeaseStore();
        Tokens = new TokenStore(Leases);
        StartedAt = clock.GetUtcNow();
    }

    public Lock Sync { get; } = new();

    public TimeProvider Clock { get; }

    public DevVaultStatus Status { get; set; }

    public TokenStore Tokens { get; }

    public LeaseStore Leases { get; }

    public MountTable Mounts { get; } = new();

    public DateTimeOffset StartedAt { get; }

    public string ClusterName { get; } = "vault-cluster-" + RandomIds.ShortHex();

    public string ClusterId { get; } = RandomIds.Uuid();

    public DateTimeOffset Now => Clock.GetUtcNow();
}
