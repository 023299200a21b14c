using SecureLaunch.Vault;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.DevVault;
using Shouldly;
using static SecureLaunch.Core.Tests.Leases.Support.SupervisorHarness;

namespace SecureLaunch.Core.Tests.Leases;

/// <summary>Outages against the real dev Vault: unreachable (the relay in front of it cut), sealed; and token re-authentication.</summary>
public sealed class LeaseSupervisorOutageTests
{
    private static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromSeconds(seconds);

    private static ShortLeaseId Short(string leaseId) => new(leaseId);

    [Fact]
    public async Task An_outage_outlasting_the_lease_causes_no_refetch_while_the_lease_is_valid_and_none_that_mints_until_vault_is_back()
    {
        // Given a 30 s lease and Vault unreachable from its first renewal at 21 s
        await using var h = await StartAsync();
        var lease = await h.FetchAsync("db", "database/creds/app");
        h.Supervisor.Start();
        var scheduled = await h.NextAsync<LeaseScheduled>();
        h.Relay.Cut();

        // When the clock follows the supervisor through the rest of the lease
        h.AdvanceTo(scheduled.DueAt);
        var first = await h.NextAsync<LeaseRenewalFailed>();
        h.AdvanceTo((await h.NextAsync<LeaseScheduled>()).DueAt);
        var last = await h.NextAsync<LeaseRenewalFailed>();
        var atExpiry = await h.NextAsync<LeaseScheduled>();

        // Then it retried within the lease (the backoff of 10 s shortened to a last attempt 1 s before expiry)
        first.ShouldBe(new LeaseRenewalFailed("db", At(21), Short(lease.LeaseId), LeaseFailureKind.Unreachable, At(30), At(29), first.Message));
        last.ShouldBe(first with { At = At(29), NextAttemptAt = At(30), Message = last.Message });
        first.Message.ShouldContain("could not be reached");

        // and asked for nothing new while the lease was valid
        h.SeenOf<RefetchRequested>().ShouldBeEmpty();
        h.Refetches.ShouldBe(0);
        atExpiry.ShouldBe(new LeaseScheduled("db", At(29), Short(lease.LeaseId), RenewalAction.Refetch, At(30), RefetchReason.Expired));

        // When the lease expires with Vault still down
        h.AdvanceTo(atExpiry.DueAt);

        // Then it is reported lost, and the re-fetch fails without using the budget (nothing can have been minted)
        (await h.NextAsync<LeaseLost>()).ShouldBe(new LeaseLost("db", At(30), Short(lease.LeaseId), RefetchReason.Expired));
        (await h.NextAsync<RefetchRequested>()).Reason.ShouldBe(RefetchReason.Expired);
        var refetchFailed = await h.NextAsync<RefetchFailed>();
        refetchFailed.Failure.ShouldBe(LeaseFailureKind.Unreachable);
        h.Supervisor.Budget.Used("db").ShouldBe(0);

        // When Vault is reachable again at the next attempt
        var retry = await h.NextAsync<LeaseScheduled>();
        retry.DueAt.ShouldBe(refetchFailed.NextAttemptAt!.Value);
        h.Relay.Restore();
        h.AdvanceTo(retry.DueAt);

        // Then one new credential is fetched and renewed from then on
        var refetched = await h.NextAsync<SecretRefetched>();
        h.AdvanceTo((await h.NextAsync<LeaseScheduled>()).DueAt);
        (await h.NextAsync<LeaseRenewed>()).LeaseId.ShouldBe(refetched.NewLeaseId!.Value);
        h.Refetches.ShouldBe(2);
        h.Vault.Leases.Count.ShouldBe(2);
        h.SeenOf<MintBudgetExceeded>().ShouldBeEmpty();
        h.SeenOf<RefetchRequested>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_sealed_vault_over_several_renewal_attempts_keeps_the_lease_and_renewal_resumes_on_the_first_answer()
    {
        // Given a 10 min lease (grace 60 s, first renewal at 420 s) and Vault sealed from then on
        await using var h = await StartAsync();
        var lease = await h.FetchAsync("db", "database/creds/long");
        h.Supervisor.Start();
        var scheduled = await h.NextAsync<LeaseScheduled>();
        scheduled.DueAt.ShouldBe(At(420));
        h.Vault.Status = DevVaultStatus.Sealed;

        // When five attempts fail
        var failures = new List<LeaseRenewalFailed>();
        for (var i = 0; i < 5; i++)
        {
            h.AdvanceTo(scheduled.DueAt);
            failures.Add(await h.NextAsync<LeaseRenewalFailed>());
            scheduled = await h.NextAsync<LeaseScheduled>();
        }

        // Then they backed off 10, 20, 40, 80 s and kept the last chance for a second before expiry
        failures.Select(f => f.At).ShouldBe([At(420), At(430), At(450), At(490), At(570)]);
        failures.ShouldAllBe(f => f.Failure == LeaseFailureKind.Sealed && f.ExpiresAt == At(600));
        scheduled.ShouldBe(new LeaseScheduled("db", At(570), Short(lease.LeaseId), RenewalAction.Renew, At(599), null));
        h.Supervisor.Snapshot().ShouldHaveSingleItem().Status.ShouldBe(LeaseStatus.Backoff);

        // When Vault is unsealed before that attempt
        h.Vault.Status = DevVaultStatus.Active;
        h.AdvanceTo(scheduled.DueAt);

        // Then the same lease is renewed: no new credential, nothing re-fetched
        var renewed = await h.NextAsync<LeaseRenewed>();
        renewed.ShouldBe(new LeaseRenewed("db", At(599), Short(lease.LeaseId), TimeSpan.FromMinutes(10), At(1199)));
        (await h.NextAsync<LeaseScheduled>()).DueAt.ShouldBe(At(599 + 420));
        h.Supervisor.Snapshot().ShouldHaveSingleItem().Status.ShouldBe(LeaseStatus.Healthy);
        h.Vault.Leases.ShouldHaveSingleItem();
        h.Refetches.ShouldBe(0);
        h.SeenOf<RefetchRequested>().ShouldBeEmpty();
        h.SeenOf<LeaseLost>().ShouldBeEmpty();
    }

    [Fact]
    public async Task After_reauthentication_leases_of_the_old_token_are_kept_and_refetched_only_a_grace_before_it_dies()
    {
        // Given a 10 min lease, and a re-authentication saying the token it was issued under dies at 300 s
        await using var h = await StartAsync();
        var lease = await h.FetchAsync("db", "database/creds/long");
        h.Supervisor.Start();
        (await h.NextAsync<LeaseScheduled>()).DueAt.ShouldBe(At(420));

        h.Supervisor.TokenReplaced(At(300));

        // Then the lease is not re-issued at once: it is renewed at 2/3 of the 300 s left plus a third of the grace
        var scheduled = await h.NextAsync<LeaseScheduled>();
        scheduled.ShouldBe(new LeaseScheduled("db", T0, Short(lease.LeaseId), RenewalAction.Renew, At(220), null));
        h.AdvanceTo(scheduled.DueAt);
        (await h.NextAsync<LeaseRenewed>()).ExpiresAt.ShouldBe(At(820));

        // and re-fetched right after, since no renewal can outlive the token: 80 s before it dies
        var request = await h.NextAsync<RefetchRequested>();
        request.ShouldBe(new RefetchRequested("db", At(220), RefetchReason.TokenExpiring, Short(lease.LeaseId)));
        var refetched = await h.NextAsync<SecretRefetched>();
        (await h.NextAsync<LeaseScheduled>()).ShouldBe(new LeaseScheduled("db", At(220), refetched.NewLeaseId, RenewalAction.Renew, At(640), null));
        h.SeenOf<LeaseLost>().ShouldBeEmpty();
        h.Refetches.ShouldBe(1);
    }
}
