using SecureLaunch.Core.Leases;
using SecureLaunch.Vault.Secrets;
using Shouldly;

namespace SecureLaunch.Core.Tests.Regressions;

/// <summary>
/// Issue 6, found by the end-to-end re-authentication test: a re-authentication late in a lease's renewal interval
/// re-planned the lease from scratch, saw 10 s left of 30 (inside 4 graces) and minted a new credential, although the
/// old token lived on for minutes.
/// </summary>
public sealed class TokenReplacedMidWait_6
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromSeconds(seconds);

    [Fact]
    public void A_token_deadline_beyond_the_lease_learnt_mid_wait_keeps_the_planned_renewal()
    {
        var tracker = new LeaseTracker("db", new VaultLease("database/creds/app/abc", TimeSpan.FromSeconds(30), true, T0), () => 0);
        tracker.Next(T0).ShouldBe(RenewalDecision.RenewAfter(TimeSpan.FromSeconds(21)));

        tracker.CapAtTokenDeadline(At(150));

        tracker.Next(At(20)).ShouldBe(RenewalDecision.RenewAfter(TimeSpan.FromSeconds(1)));
        tracker.ExpiresAt.ShouldBe(At(30));
    }

    [Fact]
    public void A_token_deadline_before_the_lease_expiry_plans_again_at_once()
    {
        var tracker = new LeaseTracker("db", new VaultLease("database/creds/app/abc", TimeSpan.FromSeconds(30), true, T0), () => 0);
        tracker.Next(T0).ShouldBe(RenewalDecision.RenewAfter(TimeSpan.FromSeconds(21)));

        tracker.CapAtTokenDeadline(At(22));

        tracker.Next(At(20)).ShouldBe(RenewalDecision.RefetchNow(RefetchReason.TokenExpiring));
    }
}
