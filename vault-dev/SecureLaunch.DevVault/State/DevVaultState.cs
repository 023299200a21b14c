using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.Policies;
using SecureLaunch.DevVault.Sys.Seal;
using SecureLaunch.DevVault.Wrapping;

namespace SecureLaunch.DevVault.State;

/// <summary>Everything the server holds. One lock guards it all: every call is short and in memory.</summary>
internal sealed class DevVaultState
{
    public DevVaultState(TimeProvider clock, DevVaultStatus status)
    {
        Clock = clock;
        Status = status;
        Leases = new LeaseStore(Counters);
        Tokens = new TokenStore(Leases, Counters);
        Wrapping = new WrappingStore(Tokens);
        StartedAt = clock.GetUtcNow();
    }

    public Lock Sync { get; } = new();

    /// <summary>Logins, renewals, revocations and credentials issued, for tests and the control endpoint.</summary>
    public UsageCounters Counters { get; } = new();

    public TimeProvider Clock { get; }

    public DevVaultStatus Status { get; set; }

    public TokenStore Tokens { get; }

    public LeaseStore Leases { get; }

    public PolicyStore Policies { get; } = new();

    public WrappingStore Wrapping { get; }

    /// <summary>The root token: the dev one, or the one <c>sys/init</c> made (empty while sealed or uninitialized with storage).</summary>
    public string RootToken { get; set; } = string.Empty;

    /// <summary>Init, unseal and seal; set once the backends exist.</summary>
    public SealManager Seal { get; set; } = null!;

    public MountTable Mounts { get; } = new();

    public DateTimeOffset StartedAt { get; }

    public string ClusterName { get; } = "vault-cluster-" + RandomIds.ShortHex();

    public string ClusterId { get; } = RandomIds.Uuid();

    public DateTimeOffset Now => Clock.GetUtcNow();
}
