namespace SecureLaunch.Conformance.Tests.Leases;

public sealed class LeaseTests
{
    [Fact]
    public async Task Lookup_describes_a_live_lease()
    {
        await using var vault = await VaultTarget.StartAsync();
        var lease = (await vault.DatabaseCredsAsync()).Text("lease_id");

        var lookup = await vault.PutAsync("sys/leases/lookup", new JsonObject { ["lease_id"] = lease });

        lookup.Status.ShouldBe(HttpStatusCode.OK);
        lookup.Keys("data").Order().ShouldBe(["expire_time", "id", "issue_time", "last_renewal", "renewable", "ttl"]);
        lookup.Text("data.id").ShouldBe(lease);
        lookup.Flag("data.renewable").ShouldBeTrue();
        lookup.Json["data"]!["last_renewal"].ShouldBeNull();
        vault.ShouldBeTtl(lookup.Number("data.ttl"), 30);
    }

    [Fact]
    public async Task Renew_sets_the_ttl_to_the_increment_and_records_the_renewal()
    {
        await using var vault = await VaultTarget.StartAsync();
        var lease = (await vault.DatabaseCredsAsync()).Text("lease_id");

        var renew = await vault.PutAsync("sys/leases/renew", new JsonObject { ["lease_id"] = lease, ["increment"] = 60 });
        var lookup = await vault.PutAsync("sys/leases/lookup", new JsonObject { ["lease_id"] = lease });

        renew.Number("lease_duration").ShouldBe(60);
        lookup.Text("data.last_renewal").ShouldNotBeEmpty();
        vault.ShouldBeTtl(lookup.Number("data.ttl"), 60);
    }

    [Fact]
    public async Task Revoke_ends_a_lease_and_an_unknown_one_is_an_invalid_lease()
    {
        await using var vault = await VaultTarget.StartAsync();
        var lease = (await vault.DatabaseCredsAsync()).Text("lease_id");

        var revoke = await vault.PutAsync("sys/leases/revoke", new JsonObject { ["lease_id"] = lease });
        var lookup = await vault.PutAsync("sys/leases/lookup", new JsonObject { ["lease_id"] = lease });
        var renew = await vault.PutAsync("sys/leases/renew", new JsonObject { ["lease_id"] = lease });

        revoke.Status.ShouldBe(HttpStatusCode.NoContent);
        lookup.Status.ShouldBe(HttpStatusCode.BadRequest);
        lookup.Errors.ShouldBe(["invalid lease"]);
        renew.Status.ShouldBe(HttpStatusCode.BadRequest);
        renew.Errors.ShouldBe(["lease not found"]);
    }

    [Fact]
    public async Task Revoke_prefix_ends_every_lease_under_the_prefix_and_needs_sudo()
    {
        await using var vault = await VaultTarget.StartAsync();
        var first = (await vault.DatabaseCredsAsync()).Text("lease_id");
        var second = (await vault.DatabaseCredsAsync()).Text("lease_id");
        var policy = await vault.WritePolicyAsync("""path "sys/leases/revoke-prefix/*" { capabilities = ["update"] }""");
        var withoutSudo = await vault.TokenWithPoliciesAsync(policy);

        var denied = await vault.PutAsync("sys/leases/revoke-prefix/database/creds/app", token: withoutSudo);
        var list = await vault.ListAsync("sys/leases/lookup/database/creds/app/");
        var revoke = await vault.PutAsync("sys/leases/revoke-prefix/database/creds/app");

        denied.Status.ShouldBe(HttpStatusCode.Forbidden);
        list.Strings("data.keys").ShouldContain(first["database/creds/app/".Length..]);
        list.Strings("data.keys").ShouldContain(second["database/creds/app/".Length..]);
        revoke.Status.ShouldBe(HttpStatusCode.NoContent);
        (await vault.PutAsync("sys/leases/lookup", new JsonObject { ["lease_id"] = first })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await vault.PutAsync("sys/leases/lookup", new JsonObject { ["lease_id"] = second })).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_lease_not_renewed_expires_on_the_clock()
    {
        VaultTarget.RequireDevVault("moves the clock");
        await using var vault = await VaultTarget.StartAsync();
        var lease = (await vault.DatabaseCredsAsync()).Text("lease_id");
        vault.Advance(TimeSpan.FromSeconds(31));

        var lookup = await vault.PutAsync("sys/leases/lookup", new JsonObject { ["lease_id"] = lease });

        lookup.Status.ShouldBe(HttpStatusCode.BadRequest);
        lookup.Errors.ShouldBe(["invalid lease"]);
    }
}
