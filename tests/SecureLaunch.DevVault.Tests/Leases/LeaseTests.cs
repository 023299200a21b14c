using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Leases;

public sealed class LeaseTests
{
    [Fact]
    public async Task Renew_grants_the_increment_and_reports_the_lease_in_the_envelope()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var leaseId = await IssueAsync(vault);
        vault.Clock.Advance(TimeSpan.FromSeconds(20));

        var call = await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = leaseId, ["increment"] = 25 });

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Json["lease_id"]!.GetValue<string>().ShouldBe(leaseId);
        call.Json["renewable"]!.GetValue<bool>().ShouldBeTrue();
        call.Json["lease_duration"]!.GetValue<long>().ShouldBe(25);
        call.Json["warnings"].ShouldBeNull();
        vault.Server.Leases.Single().ExpiresAt.ShouldBe(vault.Clock.GetUtcNow().AddSeconds(25));
    }

    [Fact]
    public async Task Renew_without_increment_grants_the_role_ttl()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var leaseId = await IssueAsync(vault);
        vault.Clock.Advance(TimeSpan.FromSeconds(10));

        var call = await vault.PostAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = leaseId });

        call.Json["lease_duration"]!.GetValue<long>().ShouldBe(30);
    }

    [Fact]
    public async Task Renewal_is_capped_at_the_time_left_until_max_ttl_from_issue()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var leaseId = await IssueAsync(vault);
        for (var i = 0; i < 3; i++)
        {
            vault.Clock.Advance(TimeSpan.FromSeconds(25));
            await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = leaseId });
        }

        vault.Clock.Advance(TimeSpan.FromSeconds(25));
        var capped = await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = leaseId, ["increment"] = "1m" });

        capped.Status.ShouldBe(HttpStatusCode.OK);
        capped.Json["lease_duration"]!.GetValue<long>().ShouldBe(20);
        capped.Json["warnings"]![0]!.GetValue<string>().ShouldBe("TTL of \"1m0s\" exceeded the effective max_ttl of \"20s\"; TTL value is capped accordingly");
        vault.Server.Leases.Single().ExpiresAt.ShouldBe(new DateTimeOffset(2025, 3, 1, 12, 2, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task An_unrenewed_lease_expires_on_the_clock_and_then_cannot_be_renewed()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var leaseId = await IssueAsync(vault);

        vault.Clock.Advance(TimeSpan.FromSeconds(30));
        var call = await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = leaseId });

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["lease not found"]);
        var info = vault.Server.Leases.Single();
        info.Expired.ShouldBeTrue();
        info.Revoked.ShouldBeFalse();
    }

    [Fact]
    public async Task Revoke_is_204_and_renewing_a_revoked_lease_is_400_lease_not_found()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var leaseId = await IssueAsync(vault);

        var revoke = await vault.PutAsync("/v1/sys/leases/revoke", new JsonObject { ["lease_id"] = leaseId });
        var renew = await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = leaseId });

        revoke.Status.ShouldBe(HttpStatusCode.NoContent);
        renew.Status.ShouldBe(HttpStatusCode.BadRequest);
        renew.Errors.ShouldBe(["lease not found"]);
        vault.Server.Leases.Single().Revoked.ShouldBeTrue();
    }

    [Fact]
    public async Task Revoking_an_unknown_lease_is_204_as_in_Vault_and_an_empty_id_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var unknown = await vault.PutAsync("/v1/sys/leases/revoke", new JsonObject { ["lease_id"] = "database/creds/app/nope" });
        var empty = await vault.PutAsync("/v1/sys/leases/revoke", new JsonObject());

        unknown.Status.ShouldBe(HttpStatusCode.NoContent);
        empty.Status.ShouldBe(HttpStatusCode.BadRequest);
        empty.Errors.ShouldBe(["lease_id must be specified"]);
    }

    [Fact]
    public async Task Revoke_accepts_the_lease_id_in_the_url()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var leaseId = await IssueAsync(vault);

        (await vault.PutAsync("/v1/sys/leases/revoke/" + leaseId)).Status.ShouldBe(HttpStatusCode.NoContent);
        vault.Server.Leases.Single().Revoked.ShouldBeTrue();
    }

    [Fact]
    public async Task Lookup_reports_id_times_renewable_and_ttl()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var leaseId = await IssueAsync(vault);
        vault.Clock.Advance(TimeSpan.FromSeconds(10));
        var before = await vault.PutAsync("/v1/sys/leases/lookup", new JsonObject { ["lease_id"] = leaseId });
        await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = leaseId });

        var after = await vault.PutAsync("/v1/sys/leases/lookup", new JsonObject { ["lease_id"] = leaseId });

        before.Status.ShouldBe(HttpStatusCode.OK);
        before.Data.AsObject().Select(p => p.Key).ShouldBe(["expire_time", "id", "issue_time", "last_renewal", "renewable", "ttl"]);
        before.Data["id"]!.GetValue<string>().ShouldBe(leaseId);
        before.Data["issue_time"]!.GetValue<string>().ShouldBe("2025-03-01T12:00:00Z");
        before.Data["expire_time"]!.GetValue<string>().ShouldBe("2025-03-01T12:00:30Z");
        before.Data["last_renewal"].ShouldBeNull();
        before.Data["renewable"]!.GetValue<bool>().ShouldBeTrue();
        before.Data["ttl"]!.GetValue<long>().ShouldBe(20);
        after.Data["last_renewal"]!.GetValue<string>().ShouldBe("2025-03-01T12:00:10Z");
        after.Data["ttl"]!.GetValue<long>().ShouldBe(30);
    }

    [Fact]
    public async Task Lookup_of_an_unknown_lease_is_400_invalid_lease()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PutAsync("/v1/sys/leases/lookup", new JsonObject { ["lease_id"] = "database/creds/app/x" });

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["invalid lease"]);
    }

    [Fact]
    public async Task Revoking_a_token_revokes_the_leases_issued_under_it()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var token = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("app") });
        var leaseId = await IssueAsync(vault, token);
        var rootLease = await IssueAsync(vault);

        await vault.PostAsync("/v1/auth/token/revoke-self", token: token);
        var renew = await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = leaseId });

        renew.Errors.ShouldBe(["lease not found"]);
        vault.Server.Leases.Single(l => l.LeaseId == leaseId).Revoked.ShouldBeTrue();
        vault.Server.Leases.Single(l => l.LeaseId == rootLease).Revoked.ShouldBeFalse();
    }

    [Fact]
    public async Task A_token_expiring_revokes_its_leases()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var token = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("app"), ["ttl"] = "10s" });
        await IssueAsync(vault, token);

        vault.Clock.Advance(TimeSpan.FromSeconds(10));

        vault.Server.Leases.Single().Revoked.ShouldBeTrue();
    }

    [Fact]
    public async Task A_lease_whose_token_expired_cannot_be_renewed_even_by_root()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var token = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("app"), ["ttl"] = "10s" });
        var leaseId = await IssueAsync(vault, token);

        vault.Clock.Advance(TimeSpan.FromSeconds(10));
        var renew = await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = leaseId });

        renew.Status.ShouldBe(HttpStatusCode.BadRequest);
        renew.Errors.ShouldBe(["lease not found"]);
    }

    [Fact]
    public async Task Renewing_a_lease_with_a_malformed_increment_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var leaseId = await IssueAsync(vault);

        var call = await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = leaseId, ["increment"] = "soon" });

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.Single().ShouldContain("increment");
    }

    [Fact]
    public async Task Leases_snapshot_lists_every_lease_in_issue_order()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var first = await IssueAsync(vault);
        var second = await IssueAsync(vault, role: "long");

        var leases = vault.Server.Leases;

        leases.Select(l => l.LeaseId).ShouldBe([first, second]);
        leases[1].Path.ShouldBe("database/creds/long");
        leases[1].IssuedAt.ShouldBe(vault.Clock.GetUtcNow());
        leases[1].ExpiresAt.ShouldBe(vault.Clock.GetUtcNow().AddMinutes(10));
        leases[1].Renewable.ShouldBeTrue();
    }

    [Fact]
    public async Task List_of_lease_ids_under_a_prefix()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var leaseId = await IssueAsync(vault);

        var call = await vault.ListAsync("/v1/sys/leases/lookup/database/creds/app/");

        call.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe([leaseId["database/creds/app/".Length..]]);
    }

    private static async Task<string> IssueAsync(DevVaultHarness vault, string? token = "", string role = "app") =>
        (await vault.GetAsync("/v1/database/creds/" + role, token)).Json["lease_id"]!.GetValue<string>();
}
