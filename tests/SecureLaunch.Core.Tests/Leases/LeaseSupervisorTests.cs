using SecureLaunch.Vault;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Core.Tests.Leases.Support;
using Shouldly;
using static SecureLaunch.Core.Tests.Leases.Support.SupervisorHarness;

namespace SecureLaunch.Core.Tests.Leases;

/// <summary>The supervisor against the real dev Vault over HTTP, both on one fake clock; role <c>app</c>: ttl 30s, max 2m; jitter 0 (grace 3 s).</summary>
public sealed class LeaseSupervisorTests
{
    private static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromSeconds(seconds);

    private static ShortLeaseId Short(string leaseId) => new(leaseId);

    [Fact]
    public async Task Renewal_happens_at_the_scheduled_time_and_extends_the_expiry()
    {
        await using var h = await StartAsync();
        var lease = await h.FetchAsync("db", "database/creds/app");

        h.Supervisor.Start();
        var scheduled = await h.NextAsync<LeaseScheduled>();

        scheduled.ShouldBe(new LeaseScheduled("db", T0, Short(lease.LeaseId), RenewalAction.Renew, At(21), null));
        h.AdvanceTo(At(20));
        h.VaultLease(lease.LeaseId).LastRenewedAt.ShouldBeNull();

        h.AdvanceTo(At(21));
        var renewed = await h.NextAsync<LeaseRenewed>();

        renewed.ShouldBe(new LeaseRenewed("db", At(21), Short(lease.LeaseId), TimeSpan.FromSeconds(30), At(51)));
        h.VaultLease(lease.LeaseId).LastRenewedAt.ShouldBe(At(21));
        h.VaultLease(lease.LeaseId).ExpiresAt.ShouldBe(At(51));
        (await h.NextAsync<LeaseScheduled>()).DueAt.ShouldBe(At(42));
        h.Refetches.ShouldBe(0);
    }

    [Fact]
    public async Task Renewal_capped_at_the_max_ttl_leads_to_a_refetch_request_before_expiry()
    {
        // Given a lease renewed every 21 s until renewals stop extending it (max TTL 2 min)
        await using var h = await StartAsync();
        var lease = await h.FetchAsync("db", "database/creds/app");
        h.Supervisor.Start();

        // When the clock follows the supervisor's plan until it asks for a new credential
        LeaseScheduled scheduled;
        while (true)
        {
            scheduled = await h.NextAsync<LeaseScheduled>();
            if (h.SeenOf<SecretRefetched>().Count > 0)
            {
                break;
            }

            h.AdvanceTo(scheduled.DueAt);
        }

        // Then renewals ran at 21, 42, 63, 84, 105 (granted 15 s: the cap) and 116 (granted 4 s, inside the 3 s * 4 limit)
        h.SeenOf<LeaseRenewed>().Select(r => r.At).ShouldBe([At(21), At(42), At(63), At(84), At(105), At(116)]);
        h.SeenOf<LeaseRenewed>().TakeLast(2).Select(r => r.Granted.TotalSeconds).ShouldBe([15d, 4d]);

        // and the new credential was asked for once, 4 s before the old one's hard expiry, which was still valid
        var request = h.SeenOf<RefetchRequested>().ShouldHaveSingleItem();
        request.ShouldBe(new RefetchRequested("db", At(116), RefetchReason.InsideGrace, Short(lease.LeaseId)));
        h.VaultLease(lease.LeaseId).Expired.ShouldBeFalse();
        h.Refetches.ShouldBe(1);
        h.SeenOf<LeaseLost>().ShouldBeEmpty();

        // and the new lease is followed, while the old one stays in the ledger (to be revoked) until it expires
        var refetched = h.SeenOf<SecretRefetched>().ShouldHaveSingleItem();
        refetched.NewLeaseId.ShouldNotBe(Short(lease.LeaseId));
        scheduled.LeaseId.ShouldBe(refetched.NewLeaseId);
        scheduled.DueAt.ShouldBe(At(116 + 21));
        h.Ledger.Snapshot().Select(e => Short(e.Lease.LeaseId)).ShouldBe([Short(lease.LeaseId), refetched.NewLeaseId!.Value], ignoreOrder: true);
    }

    [Fact]
    public async Task A_lease_revoked_behind_its_back_is_detected_as_invalid_and_refetched_once_within_budget()
    {
        await using var h = await StartAsync();
        var lease = await h.FetchAsync("db", "database/creds/app");
        h.Supervisor.Start();
        var scheduled = await h.NextAsync<LeaseScheduled>();

        await h.RevokeBehindTheBackAsync(lease.LeaseId);
        h.AdvanceTo(scheduled.DueAt);

        (await h.NextAsync<LeaseRenewalFailed>()).Failure.ShouldBe(LeaseFailureKind.LeaseInvalid);
        (await h.NextAsync<LeaseLost>()).ShouldBe(new LeaseLost("db", At(21), Short(lease.LeaseId), RefetchReason.LeaseInvalid));
        var refetched = await h.NextAsync<SecretRefetched>();
        var next = await h.NextAsync<LeaseScheduled>();
        next.ShouldBe(new LeaseScheduled("db", At(21), refetched.NewLeaseId, RenewalAction.Renew, At(42), null));

        h.AdvanceTo(next.DueAt);
        (await h.NextAsync<LeaseRenewed>()).LeaseId.ShouldBe(refetched.NewLeaseId!.Value);

        h.SeenOf<RefetchRequested>().ShouldHaveSingleItem().Reason.ShouldBe(RefetchReason.LeaseInvalid);
        h.Refetches.ShouldBe(1);
        h.Supervisor.Budget.Used("db").ShouldBe(1);
        h.SeenOf<MintBudgetExceeded>().ShouldBeEmpty();
        h.Ledger.Snapshot().ShouldHaveSingleItem().Lease.LeaseId.ShouldNotBe(lease.LeaseId);
    }

    [Fact]
    public async Task A_permanently_failing_renewal_mints_no_more_than_the_budget_and_reports_it_once()
    {
        // Given every new credential is revoked as soon as it is minted, so no renewal can ever succeed
        await using var h = await StartAsync();
        h.AfterRefetch = lease => h.RevokeBehindTheBackAsync(lease.LeaseId);
        var first = await h.FetchAsync("db", "database/creds/app");
        h.Supervisor.Start();
        var scheduled = await h.NextAsync<LeaseScheduled>();
        await h.RevokeBehindTheBackAsync(first.LeaseId);

        // When five minutes pass
        while (scheduled.DueAt <= At(300))
        {
            h.AdvanceTo(scheduled.DueAt);
            scheduled = await h.NextAsync<LeaseScheduled>();
        }

        // Then one credential a minute was minted (21, 81, 141, 201, 261 s) and the budget error was raised once
        var mints = h.SeenOf<SecretRefetched>().Select(r => r.At).ToList();
        mints.ShouldBe([At(21), At(81), At(141), At(201), At(261)]);
        h.Refetches.ShouldBe(5);
        h.Vault.Leases.Count.ShouldBe(6);
        var exceeded = h.SeenOf<MintBudgetExceeded>().ShouldHaveSingleItem();
        exceeded.ShouldBe(exceeded with { SecretName = "db", At = At(42), Limit = 1, Window = TimeSpan.FromMinutes(1), RetryAt = At(81) });
        exceeded.Message.ShouldContain("secret 'db': refused to mint another credential");
    }

    [Fact]
    public async Task Kv_secrets_are_reread_on_their_interval_without_touching_the_mint_budget()
    {
        await using var h = await StartAsync();
        h.Paths["stripe"] = "secret/app/stripe";
        h.Supervisor.WatchKv("stripe");
        h.Supervisor.Start();

        var scheduled = await h.NextAsync<LeaseScheduled>();
        scheduled.ShouldBe(new LeaseScheduled("stripe", T0, null, RenewalAction.Reread, At(300), RefetchReason.Interval));
        h.AdvanceTo(scheduled.DueAt);

        (await h.NextAsync<SecretRefetched>()).ShouldBe(new SecretRefetched("stripe", At(300), null, null, null));
        (await h.NextAsync<LeaseScheduled>()).DueAt.ShouldBe(At(600));
        h.Refetches.ShouldBe(1);
        h.Supervisor.Budget.Used("stripe").ShouldBe(0);
    }

    [Fact]
    public async Task A_lease_recorded_after_the_start_is_followed_too()
    {
        await using var h = await StartAsync();
        h.Supervisor.Start();

        var lease = await h.FetchAsync("db", "database/creds/app");

        (await h.NextAsync<LeaseScheduled>()).LeaseId.ShouldBe(Short(lease.LeaseId));
        var view = h.Supervisor.Snapshot().ShouldHaveSingleItem();
        view.ShouldBe(new LeaseView("db", Short(lease.LeaseId), LeaseStatus.Healthy, At(30), At(21), RenewalAction.Renew, null, null));
    }

    [Fact]
    public async Task A_lease_the_ledger_forgets_is_no_longer_renewed()
    {
        await using var h = await StartAsync();
        var lease = await h.FetchAsync("db", "database/creds/app");
        h.Supervisor.Start();
        var scheduled = await h.NextAsync<LeaseScheduled>();

        h.Ledger.Forget(lease.LeaseId);
        h.Supervisor.Snapshot().ShouldHaveSingleItem().Status.ShouldBe(LeaseStatus.Revoked);
        h.AdvanceTo(scheduled.DueAt + TimeSpan.FromSeconds(5));
        await h.Supervisor.DisposeAsync();

        h.VaultLease(lease.LeaseId).LastRenewedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Disposal_stops_the_loops_completes_the_events_and_may_be_repeated()
    {
        await using var h = await StartAsync();
        var lease = await h.FetchAsync("db", "database/creds/app");
        h.Supervisor.Start();
        var scheduled = await h.NextAsync<LeaseScheduled>();

        await h.Supervisor.DisposeAsync();
        await h.Supervisor.DisposeAsync();
        h.AdvanceTo(scheduled.DueAt + TimeSpan.FromMinutes(1));

        await h.Supervisor.Events.Completion.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        h.VaultLease(lease.LeaseId).LastRenewedAt.ShouldBeNull();
        Should.Throw<ObjectDisposedException>(h.Supervisor.Start);
    }
}
