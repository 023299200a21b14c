using SecureLaunch.Core.Leases;
using SecureLaunch.Vault.Secrets;
using Shouldly;

namespace SecureLaunch.Core.Tests.Leases;

public sealed class LeaseTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static DateTimeOffset At(double seconds) => T0 + S(seconds);

    private static VaultLease Lease(double seconds, double obtainedAt = 0, bool renewable = true, string id = "database/creds/app/abcdef123") =>
        new(id, S(seconds), renewable, At(obtainedAt));

    private static LeaseTracker Tracker(VaultLease lease, params double[] jitter)
    {
        var values = new Queue<double>(jitter);
        return new LeaseTracker("db", lease, () => values.Count > 0 ? values.Dequeue() : 0);
    }

    private static void FailRenewal(LeaseTracker tracker, LeaseFailureKind failure)
    {
        tracker.RenewalStarted();
        tracker.RenewalFailed(failure);
    }

    [Fact]
    public void A_fresh_renewable_lease_is_healthy_and_renewed_at_two_thirds_plus_a_third_of_the_grace()
    {
        var tracker = Tracker(Lease(30));

        var decision = tracker.Next(T0);

        tracker.Status.ShouldBe(LeaseStatus.Healthy);
        tracker.Grace.ShouldBe(S(3));
        decision.ShouldBe(RenewalDecision.RenewAfter(S(21)));
        tracker.DueAt.ShouldBe(At(21));
    }

    [Fact]
    public void Asking_again_keeps_the_plan_and_gives_what_is_left_of_the_wait()
    {
        var tracker = Tracker(Lease(30));
        tracker.Next(T0);

        tracker.Next(At(5)).ShouldBe(RenewalDecision.RenewAfter(S(16)));
        tracker.Next(At(21)).ShouldBe(RenewalDecision.RenewAfter(TimeSpan.Zero));
    }

    [Fact]
    public void A_renewal_extends_the_lease_and_plans_the_next_one()
    {
        var tracker = Tracker(Lease(30));
        tracker.Next(T0);

        tracker.RenewalStarted();
        tracker.Status.ShouldBe(LeaseStatus.Renewing);
        tracker.Renewed(Lease(30, obtainedAt: 21));

        tracker.Status.ShouldBe(LeaseStatus.Healthy);
        tracker.ExpiresAt.ShouldBe(At(51));
        tracker.Next(At(21)).ShouldBe(RenewalDecision.RenewAfter(S(21)));
    }

    [Fact]
    public void The_grace_is_redrawn_only_while_renewals_make_the_lease_longer()
    {
        var tracker = Tracker(Lease(30), 0, 0, 0.5, 0.9);
        tracker.RenewalStarted();
        tracker.Renewed(Lease(60, obtainedAt: 20));
        tracker.Grace.ShouldBe(S(9));

        tracker.RenewalStarted();
        tracker.Renewed(Lease(40, obtainedAt: 60));

        tracker.Grace.ShouldBe(S(9));
    }

    [Fact]
    public void A_renewal_capped_by_the_max_ttl_leads_to_a_refetch_before_expiry()
    {
        var tracker = Tracker(Lease(30));
        tracker.RenewalStarted();
        tracker.Renewed(Lease(10, obtainedAt: 21));

        var decision = tracker.Next(At(21));

        decision.ShouldBe(RenewalDecision.RefetchNow(RefetchReason.InsideGrace));
        tracker.RefetchStarted(RefetchReason.InsideGrace);
        tracker.Status.ShouldBe(LeaseStatus.NeedsRefetch);
        tracker.RefetchReason.ShouldBe(RefetchReason.InsideGrace);
        tracker.ExpiresAt.ShouldBe(At(31));
    }

    [Fact]
    public void During_an_outage_the_lease_is_kept_until_its_real_expiry_and_nothing_is_refetched_before()
    {
        // Given a 30 s lease whose renewal at 21 s finds Vault unreachable
        var tracker = Tracker(Lease(30));
        var now = At(tracker.Next(T0)!.Value.Delay.TotalSeconds);
        var attempts = new List<DateTimeOffset>();

        // When every attempt fails
        while (true)
        {
            attempts.Add(now);
            FailRenewal(tracker, LeaseFailureKind.Unreachable);
            tracker.Status.ShouldBe(LeaseStatus.Backoff);
            tracker.LastFailure.ShouldBe(LeaseFailureKind.Unreachable);
            var next = tracker.Next(now)!.Value;
            now += next.Delay;
            if (next.Action == RenewalAction.Refetch)
            {
                break;
            }
        }

        // Then the attempts were at 21 s and, the backoff being longer than what is left, a last one a second before expiry
        attempts.ShouldBe([At(21), At(29)]);
        now.ShouldBe(At(30));
        tracker.Status.ShouldBe(LeaseStatus.Backoff);

        // and only at the expiry does the lease count as lost
        tracker.Next(now).ShouldBe(RenewalDecision.RefetchNow(RefetchReason.Expired));
        tracker.Status.ShouldBe(LeaseStatus.Expired);
    }

    [Fact]
    public void The_backoff_doubles_while_the_lease_has_time_left()
    {
        var tracker = Tracker(Lease(600));
        var now = At(420);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            FailRenewal(tracker, LeaseFailureKind.Sealed);
            var next = tracker.Next(now)!.Value;
            delays.Add(next.Delay);
            now += next.Delay;
        }

        delays.ShouldBe([S(10), S(20), S(40), S(80), S(29)]);
        now.ShouldBe(At(599));
    }

    [Fact]
    public void The_first_good_answer_after_an_outage_makes_the_lease_healthy_again()
    {
        var tracker = Tracker(Lease(600));
        FailRenewal(tracker, LeaseFailureKind.Sealed);
        FailRenewal(tracker, LeaseFailureKind.Standby);
        tracker.FailedAttempts.ShouldBe(2);

        tracker.RenewalStarted();
        tracker.Renewed(Lease(600, obtainedAt: 460));

        tracker.Status.ShouldBe(LeaseStatus.Healthy);
        tracker.FailedAttempts.ShouldBe(0);
        tracker.LastFailure.ShouldBeNull();
        tracker.Next(At(460)).ShouldBe(RenewalDecision.RenewAfter(S(420)));
    }

    [Theory]
    [InlineData(LeaseFailureKind.Sealed)]
    [InlineData(LeaseFailureKind.Standby)]
    [InlineData(LeaseFailureKind.Unreachable)]
    [InlineData(LeaseFailureKind.Unavailable)]
    [InlineData(LeaseFailureKind.PermissionDenied)]
    [InlineData(LeaseFailureKind.Rejected)]
    public void Failures_other_than_an_invalid_lease_back_off_and_keep_the_credentials(LeaseFailureKind failure)
    {
        var tracker = Tracker(Lease(30));

        FailRenewal(tracker, failure);

        tracker.Status.ShouldBe(LeaseStatus.Backoff);
        tracker.LastFailure.ShouldBe(failure);
        tracker.Next(At(21))!.Value.Action.ShouldBe(RenewalAction.Renew);
    }

    [Fact]
    public void An_invalid_lease_is_lost_at_once_and_refetched()
    {
        var tracker = Tracker(Lease(30));

        FailRenewal(tracker, LeaseFailureKind.LeaseInvalid);

        tracker.Status.ShouldBe(LeaseStatus.Expired);
        tracker.RefetchReason.ShouldBe(RefetchReason.LeaseInvalid);
        tracker.Next(At(21)).ShouldBe(RenewalDecision.RefetchNow(RefetchReason.LeaseInvalid));
    }

    [Fact]
    public void A_non_renewable_lease_is_refetched_at_85_to_90_percent_of_its_ttl()
    {
        Tracker(Lease(100, renewable: false)).Next(T0).ShouldBe(RenewalDecision.RefetchAfter(S(85), RefetchReason.NotRenewable));
        Tracker(Lease(100, renewable: false), 0, 0.5).Next(T0).ShouldBe(RenewalDecision.RefetchAfter(S(87.5), RefetchReason.NotRenewable));
    }

    [Fact]
    public void A_failed_refetch_retries_with_backoff_before_the_old_credentials_expire()
    {
        var tracker = Tracker(Lease(100, renewable: false));
        tracker.Next(At(85));
        tracker.RefetchStarted(RefetchReason.NotRenewable);

        tracker.RefetchFailed(LeaseFailureKind.Unreachable, At(85));

        tracker.Status.ShouldBe(LeaseStatus.NeedsRefetch);
        tracker.Next(At(85)).ShouldBe(RenewalDecision.RefetchAfter(S(10), RefetchReason.NotRenewable));
    }

    [Fact]
    public void A_refetch_deferred_by_the_budget_waits_but_still_notices_the_expiry()
    {
        var tracker = Tracker(Lease(100, renewable: false));
        tracker.Next(At(85));
        tracker.RefetchStarted(RefetchReason.NotRenewable);

        tracker.RefetchDeferred(At(130));

        tracker.Next(At(85)).ShouldBe(RenewalDecision.RefetchAfter(S(15), RefetchReason.NotRenewable));
        tracker.Next(At(100)).ShouldBe(RenewalDecision.RefetchAfter(S(30), RefetchReason.Expired));
        tracker.Status.ShouldBe(LeaseStatus.Expired);
    }

    [Fact]
    public void A_new_lease_starts_the_cycle_over()
    {
        var tracker = Tracker(Lease(30));
        FailRenewal(tracker, LeaseFailureKind.LeaseInvalid);
        tracker.RefetchStarted(RefetchReason.LeaseInvalid);

        tracker.Replaced(Lease(30, obtainedAt: 25, id: "database/creds/app/zzzzzz999"));

        tracker.Status.ShouldBe(LeaseStatus.Healthy);
        tracker.RefetchReason.ShouldBeNull();
        tracker.LastFailure.ShouldBeNull();
        tracker.Next(At(25)).ShouldBe(RenewalDecision.RenewAfter(S(21)));
    }

    [Fact]
    public void A_lease_whose_token_dies_first_is_refetched_a_grace_before_the_token_dies()
    {
        var tracker = Tracker(Lease(600));
        tracker.CapAtTokenDeadline(At(300));
        tracker.ExpiresAt.ShouldBe(At(300));

        // Renewals still keep it alive until then...
        tracker.Next(T0).ShouldBe(RenewalDecision.RenewAfter(S(220)));
        tracker.RenewalStarted();
        tracker.Renewed(Lease(600, obtainedAt: 220));

        // ...but no renewal can outlive the token.
        tracker.ExpiresAt.ShouldBe(At(300));
        tracker.Next(At(220)).ShouldBe(RenewalDecision.RefetchNow(RefetchReason.TokenExpiring));
    }

    [Fact]
    public void A_token_dying_after_the_lease_changes_nothing()
    {
        var tracker = Tracker(Lease(30));

        tracker.CapAtTokenDeadline(At(3600));

        tracker.ExpiresAt.ShouldBe(At(30));
        tracker.Next(T0).ShouldBe(RenewalDecision.RenewAfter(S(21)));
    }

    [Fact]
    public void A_lease_whose_token_died_is_lost_for_that_reason()
    {
        var tracker = Tracker(Lease(600));
        tracker.CapAtTokenDeadline(At(100));

        tracker.Next(At(100)).ShouldBe(RenewalDecision.RefetchNow(RefetchReason.TokenExpiring));

        tracker.Status.ShouldBe(LeaseStatus.Expired);
    }

    [Fact]
    public void A_revoked_lease_has_nothing_planned()
    {
        var tracker = Tracker(Lease(30));

        tracker.Revoke();

        tracker.Next(T0).ShouldBeNull();
        tracker.Status.ShouldBe(LeaseStatus.Revoked);
    }

    [Fact]
    public void Outcomes_that_do_not_fit_the_state_are_refused()
    {
        var tracker = Tracker(Lease(30));

        Should.Throw<InvalidOperationException>(() => tracker.Renewed(Lease(30)));
        Should.Throw<InvalidOperationException>(() => tracker.RefetchFailed(LeaseFailureKind.Sealed, T0));
        tracker.RenewalStarted();
        Should.Throw<InvalidOperationException>(() => tracker.Next(T0));
    }
}
