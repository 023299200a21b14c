using SecureLaunch.Core.Leases;
using Shouldly;

namespace SecureLaunch.Core.Tests.Leases;

public sealed class RenewalScheduleTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Grace_is_ten_percent_of_the_lease_with_zero_jitter() =>
        RenewalSchedule.Grace(S(30), jitter: 0).ShouldBe(S(3));

    [Fact]
    public void Grace_stays_under_twenty_percent_of_the_lease_whatever_the_jitter()
    {
        for (var jitter = 0.0; jitter < 1; jitter += 0.001)
        {
            var grace = RenewalSchedule.Grace(S(100), jitter);
            grace.ShouldBeGreaterThanOrEqualTo(S(10));
            grace.ShouldBeLessThan(S(20));
        }

        RenewalSchedule.Grace(S(100), 0.5).ShouldBe(S(15));
    }

    [Fact]
    public void Grace_is_taken_from_the_increment_when_it_is_shorter_than_the_lease()
    {
        RenewalSchedule.Grace(TimeSpan.FromHours(1), 0, increment: TimeSpan.FromMinutes(10)).ShouldBe(TimeSpan.FromMinutes(1));
        RenewalSchedule.Grace(S(30), 0, increment: TimeSpan.FromHours(1)).ShouldBe(S(3));
    }

    [Fact]
    public void A_lease_without_duration_has_no_grace() => RenewalSchedule.Grace(TimeSpan.Zero, 0.5).ShouldBe(TimeSpan.Zero);

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Jitter_outside_zero_to_one_is_refused(double jitter)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => RenewalSchedule.Grace(S(30), jitter));
        Should.Throw<ArgumentOutOfRangeException>(() => RenewalSchedule.NonRenewableRefetchPoint(S(30), jitter));
    }

    [Fact]
    public void Renewal_waits_two_thirds_of_the_remaining_lease_plus_a_third_of_the_grace() =>
        RenewalSchedule.ForRenewable(S(30), grace: S(3)).ShouldBe(RenewalDecision.RenewAfter(S(21)));

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    [InlineData(0)]
    public void Renewal_refetches_when_remaining_ttl_is_inside_grace(double remaining) =>
        RenewalSchedule.ForRenewable(S(remaining), grace: S(3)).ShouldBe(RenewalDecision.RefetchNow(RefetchReason.InsideGrace));

    [Fact]
    public void Renewal_refetches_when_waiting_would_land_inside_grace()
    {
        // 12 s left, grace 3 s: waiting 2/3*12 + 1 = 9 s would leave 3 s, inside the grace.
        RenewalSchedule.ForRenewable(S(12), S(3)).Action.ShouldBe(RenewalAction.Refetch);
        RenewalSchedule.ForRenewable(S(12.1), S(3)).Action.ShouldBe(RenewalAction.Renew);
    }

    [Fact]
    public void A_lease_capped_by_its_token_is_refetched_for_that_reason() =>
        RenewalSchedule.ForRenewable(S(2), S(3), RefetchReason.TokenExpiring).Reason.ShouldBe(RefetchReason.TokenExpiring);

    [Theory]
    [InlineData(0.0, 85)]
    [InlineData(0.5, 87.5)]
    [InlineData(0.999, 89.995)]
    public void Non_renewable_leases_are_refetched_at_85_to_90_percent_of_their_ttl(double jitter, double expectedSeconds) =>
        RenewalSchedule.ForNonRenewable(S(100), elapsed: TimeSpan.Zero, jitter)
            .ShouldBe(RenewalDecision.RefetchAfter(S(expectedSeconds), RefetchReason.NotRenewable));

    [Fact]
    public void A_non_renewable_lease_past_its_refetch_point_is_refetched_now()
    {
        RenewalSchedule.ForNonRenewable(S(100), elapsed: S(50), 0).Delay.ShouldBe(S(35));
        RenewalSchedule.ForNonRenewable(S(100), elapsed: S(95), 0).Delay.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Kv_secrets_are_reread_every_five_minutes_unless_configured()
    {
        RenewalSchedule.ForKv().ShouldBe(new RenewalDecision(RenewalAction.Reread, TimeSpan.FromMinutes(5), RefetchReason.Interval));
        RenewalSchedule.ForKv(S(30)).Delay.ShouldBe(S(30));
        Should.Throw<ArgumentOutOfRangeException>(() => RenewalSchedule.ForKv(TimeSpan.Zero));
    }

    [Fact]
    public void Failed_renewals_back_off_from_ten_seconds_doubling_to_five_minutes()
    {
        int[] expected = [10, 20, 40, 80, 160, 300, 300];
        for (var attempt = 1; attempt <= expected.Length; attempt++)
        {
            RenewalSchedule.Backoff(attempt).ShouldBe(S(expected[attempt - 1]));
        }

        RenewalSchedule.Backoff(10_000).ShouldBe(TimeSpan.FromMinutes(5));
        Should.Throw<ArgumentOutOfRangeException>(() => RenewalSchedule.Backoff(0));
    }

    [Fact]
    public void Backoff_never_goes_past_the_lease_expiry()
    {
        RenewalSchedule.RetryDelay(1, untilExpiry: S(100)).ShouldBe(S(10));
        RenewalSchedule.RetryDelay(3, untilExpiry: S(30)).ShouldBe(S(29));
        RenewalSchedule.RetryDelay(1, untilExpiry: S(2)).ShouldBe(S(1));
        RenewalSchedule.RetryDelay(1, untilExpiry: S(1.5)).ShouldBeNull();
        RenewalSchedule.RetryDelay(1, untilExpiry: S(-5)).ShouldBeNull();
    }

    [Fact]
    public void A_failed_renewal_with_no_time_left_waits_for_the_expiry_and_then_refetches()
    {
        RenewalSchedule.ForFailedRenewal(2, untilExpiry: S(40)).ShouldBe(RenewalDecision.RenewAfter(S(20)));
        RenewalSchedule.ForFailedRenewal(2, untilExpiry: S(1)).ShouldBe(RenewalDecision.RefetchAfter(S(1), RefetchReason.Expired));
        RenewalSchedule.ForFailedRenewal(2, untilExpiry: S(-1)).ShouldBe(RenewalDecision.RefetchNow(RefetchReason.Expired));
    }

    [Fact]
    public void Every_renewal_planned_for_a_fresh_lease_happens_outside_the_grace()
    {
        for (var jitter = 0.0; jitter < 1; jitter += 0.01)
        {
            foreach (var seconds in new[] { 5, 30, 600, 86_400 })
            {
                var grace = RenewalSchedule.Grace(S(seconds), jitter);
                var decision = RenewalSchedule.ForRenewable(S(seconds), grace);
                decision.Action.ShouldBe(RenewalAction.Renew);
                (S(seconds) - decision.Delay).ShouldBeGreaterThan(grace);
            }
        }
    }

    [Fact]
    public void Tokens_are_renewed_at_half_their_ttl()
    {
        RenewalSchedule.TokenRenewAfter(TimeSpan.FromHours(1)).ShouldBe(TimeSpan.FromMinutes(30));
        RenewalSchedule.TokenRenewAfter(TimeSpan.Zero).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_token_is_renewed_at_half_its_ttl_until_that_would_land_inside_its_grace()
    {
        RenewalSchedule.ForToken(S(60), grace: S(6), renewable: true).ShouldBe(RenewalDecision.RenewAfter(S(30)));
        RenewalSchedule.ForToken(S(12.1), S(6), renewable: true).Action.ShouldBe(RenewalAction.Renew);
        RenewalSchedule.ForToken(S(12), S(6), renewable: true).ShouldBe(new RenewalDecision(RenewalAction.Reauthenticate, TimeSpan.Zero));
    }

    [Fact]
    public void A_token_that_cannot_be_renewed_is_replaced_when_its_grace_begins() =>
        RenewalSchedule.ForToken(S(60), S(6), renewable: false).ShouldBe(new RenewalDecision(RenewalAction.Reauthenticate, S(54)));

    [Fact]
    public void A_failing_token_renewal_is_retried_within_the_ttl_then_replaced_by_a_login()
    {
        RenewalSchedule.ForFailedTokenRenewal(1, untilExpiry: S(30)).ShouldBe(RenewalDecision.RenewAfter(S(10)));
        RenewalSchedule.ForFailedTokenRenewal(3, untilExpiry: S(1)).ShouldBe(new RenewalDecision(RenewalAction.Reauthenticate, TimeSpan.Zero));
    }
}
