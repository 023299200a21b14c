using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Core.Rotation.Events;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>What a launch's background loops do to Vault over minutes of (fake) time: the mint budget and re-authentication.</summary>
public sealed class LeaseBudgetAndTokenTests
{
    [Fact]
    public async Task A_permanently_failing_refetch_mints_no_more_than_the_budget_and_reports_it_once()
    {
        // Given every credential is revoked as soon as it is minted, so none can ever be renewed
        await using var h = await RotationHarness.StartAsync("dev: { database: { roles: { app: { ttl: 30s, maxTtl: 1h } } } }", name => $$$"""
            version: 1
            name: {{{name}}}
            secrets:
              db: { path: database/creds/app, rotate: none }
            containers:
              web:
                image: busybox:stable
                command: ["sh", "-c", "echo started; while :; do sleep 0.1; done"]
                env: { DB_USER: "{{ db.username }}" }
            """);
        await h.WaitForOutputAsync(o => o.Contains("started", StringComparison.Ordinal));
        await h.RevokeAsync(h.Vault.Leases[0].LeaseId);

        // When five minutes pass
        var end = RotationHarness.T0 + TimeSpan.FromMinutes(5);
        while (await h.DriveUntilAsync<SecretRefetched>(["lease:db"], e => e.NewLeaseId is not null, until: end) is not null)
        {
            foreach (var lease in h.Vault.Leases.Where(l => !l.Revoked))
            {
                await h.RevokeAsync(lease.LeaseId);
            }
        }

        // Then at most one credential a minute was minted beyond the first, and the budget error was raised once
        h.Vault.Leases.Count.ShouldBeInRange(3, 1 + 5, h.Log);
        var exceeded = h.SeenOf<MintBudgetExceeded>().ShouldHaveSingleItem();
        exceeded.Limit.ShouldBe(1);
        exceeded.Window.ShouldBe(TimeSpan.FromMinutes(1));
        h.SeenOf<RotationScheduled>().ShouldBeEmpty("rotate: none");
        h.Stdout.ShouldBe("started\n");
    }

    [Fact]
    public async Task Logging_in_again_keeps_valid_leases_which_are_refetched_only_before_the_old_token_dies()
    {
        // Given a login token that lives 10 min, renewable to 20 min, and a credential of 30 s renewable for an hour
        const string Seed = """
            dev:
              database: { roles: { app: { ttl: 30s, maxTtl: 1h } } }
              policies:
                app: |
                  path "database/creds/app" { capabilities = ["read"] }
                  path "sys/leases/revoke" { capabilities = ["update"] }
              userpass:
                users:
                  alice: { password: wonderland-9x7, tokenPolicies: [app], tokenTtl: 10m, tokenMaxTtl: 20m }
            """;
        await using var h = await RotationHarness.StartAsync(Seed, name => $$$"""
            version: 1
            name: {{{name}}}
            vault:
              auth: { method: userpass, username: alice, passwordEnv: ALICE_PASSWORD }
            secrets:
              db: { path: database/creds/app }
            containers:
              web:
                image: busybox:stable
                command: ["sh", "-c", "echo started; while :; do sleep 0.1; done"]
                env: { DB_USER: "{{ db.username }}" }
            """, new Dictionary<string, string> { ["ALICE_PASSWORD"] = "wonderland-9x7" });
        await h.WaitForOutputAsync(o => o.Contains("started", StringComparison.Ordinal));
        string[] timers = ["lease:db", "token"];

        // When the token reaches its max TTL and the launch logs in again
        var login = await h.DriveUntilAsync<TokenReauthenticated>(timers);

        // Then the credential, still valid, is not re-issued: it is renewed under the new token
        login.OldExpiresAt.ShouldBe(RotationHarness.T0 + TimeSpan.FromMinutes(20));
        h.Vault.Leases.Count.ShouldBe(1, h.Log);
        h.Vault.Leases[0].Revoked.ShouldBeFalse();
        h.SeenOf<SecretRefetched>().ShouldBeEmpty();
        var renewedAfter = await h.DriveUntilAsync<LeaseRenewed>(timers, e => e.At > login.At);
        h.Vault.Leases.Count.ShouldBe(1, string.Join("\n", h.Seen) + "\n" + h.Log);
        h.Vault.Leases[0].LastRenewedAt.ShouldBe(renewedAfter.At);

        // and only a grace before the old token dies (taking its leases with it) is a new one fetched, under the new token
        var refetched = await h.DriveUntilAsync<SecretRefetched>(timers);
        h.SeenOf<RefetchRequested>().ShouldHaveSingleItem().Reason.ShouldBe(RefetchReason.TokenExpiring);
        refetched.At.ShouldBeLessThan(login.OldExpiresAt!.Value);
        h.SeenOf<LeaseLost>().ShouldBeEmpty();
        await h.DriveUntilAsync<LeaseRenewed>(timers, e => e.At > login.OldExpiresAt);
        h.Vault.Leases.Select(l => l.Revoked).ShouldBe([true, false], "the first credential died with the old token; the new one lives on");
        h.SeenOf<TokenReauthenticated>().ShouldHaveSingleItem();
    }
}
