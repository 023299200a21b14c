namespace SecureLaunch.Conformance.Tests.Auth;

public sealed class TokenTests
{
    [Fact]
    public async Task Create_answers_an_auth_block_and_lookup_self_describes_the_token()
    {
        await using var vault = await VaultTarget.StartAsync();

        var create = await vault.PostAsync("auth/token/create", new JsonObject { ["policies"] = new JsonArray("default"), ["ttl"] = "1h", ["meta"] = new JsonObject { ["app"] = "conf" } });
        var token = create.Text("auth.client_token");
        var lookup = await vault.GetAsync("auth/token/lookup-self", token);

        create.Status.ShouldBe(HttpStatusCode.OK);
        create.Json["data"].ShouldBeNull();
        create.Text("auth.accessor").ShouldNotBeEmpty();
        create.Strings("auth.policies").ShouldBe(["default"]);
        create.Strings("auth.token_policies").ShouldBe(["default"]);
        create.Text("auth.metadata.app").ShouldBe("conf");
        create.Number("auth.lease_duration").ShouldBe(3600);
        create.Flag("auth.renewable").ShouldBeTrue();
        create.Text("auth.token_type").ShouldBe("service");
        create.Flag("auth.orphan").ShouldBeFalse();
        lookup.Status.ShouldBe(HttpStatusCode.OK);
        lookup.Text("data.id").ShouldBe(token);
        lookup.Text("data.accessor").ShouldBe(create.Text("auth.accessor"));
        lookup.Text("data.display_name").ShouldBe("token");
        lookup.Text("data.path").ShouldBe("auth/token/create");
        lookup.Number("data.creation_ttl").ShouldBe(3600);
        vault.ShouldBeTtl(lookup.Number("data.ttl"), 3600);
        lookup.Number("data.explicit_max_ttl").ShouldBe(0);
        lookup.Number("data.num_uses").ShouldBe(0);
        lookup.Flag("data.orphan").ShouldBeFalse();
        lookup.Flag("data.renewable").ShouldBeTrue();
        lookup.Text("data.type").ShouldBe("service");
        lookup.Text("data.meta.app").ShouldBe("conf");
        lookup.Text("data.expire_time").ShouldNotBeEmpty();
        lookup.Text("data.issue_time").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Lookup_accessor_describes_the_token_without_its_id_refuses_an_unknown_accessor_and_needs_the_capability()
    {
        await using var vault = await VaultTarget.StartAsync();
        var create = await vault.PostAsync("auth/token/create", new JsonObject { ["policies"] = new JsonArray("default"), ["ttl"] = "1h" });
        var token = create.Text("auth.client_token");
        var accessor = create.Text("auth.accessor");
        var reader = await vault.TokenWithPoliciesAsync(await vault.WritePolicyAsync("""path "auth/token/lookup-accessor" { capabilities = ["update"] }"""));

        var lookup = await vault.PostAsync("auth/token/lookup-accessor", new JsonObject { ["accessor"] = accessor }, reader);
        var unknown = await vault.PostAsync("auth/token/lookup-accessor", new JsonObject { ["accessor"] = "no-such-accessor" });
        var denied = await vault.PostAsync("auth/token/lookup-accessor", new JsonObject { ["accessor"] = accessor }, token);

        lookup.Status.ShouldBe(HttpStatusCode.OK);
        lookup.Text("data.id").ShouldBeEmpty();
        lookup.Text("data.accessor").ShouldBe(accessor);
        lookup.Strings("data.policies").ShouldBe(["default"]);
        lookup.Number("data.creation_ttl").ShouldBe(3600);
        vault.ShouldBeTtl(lookup.Number("data.ttl"), 3600);
        lookup.Flag("data.renewable").ShouldBeTrue();
        lookup.Text("data.path").ShouldBe("auth/token/create");
        lookup.Body.ShouldNotContain(token);
        unknown.Status.ShouldBe(HttpStatusCode.BadRequest);
        unknown.Errors.ShouldBe(["invalid accessor"]);
        denied.Status.ShouldBe(HttpStatusCode.Forbidden);
        denied.Errors.Single().ShouldContain("permission denied");
    }

    [Fact]
    public async Task Renewal_is_capped_by_the_explicit_max_ttl()
    {
        await using var vault = await VaultTarget.StartAsync();
        var token = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("default"), ["ttl"] = "1h", ["explicit_max_ttl"] = "90m" });

        var renew = await vault.PostAsync("auth/token/renew-self", new JsonObject { ["increment"] = "3h" }, token);

        renew.Status.ShouldBe(HttpStatusCode.OK);
        vault.ShouldBeTtl(renew.Number("auth.lease_duration"), 5400);
        renew.Strings("warnings").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task On_the_clock_the_ttl_runs_down_renewal_resets_it_and_the_explicit_max_ends_it()
    {
        VaultTarget.RequireDevVault("moves the clock");
        await using var vault = await VaultTarget.StartAsync();
        var token = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("default"), ["ttl"] = "1h", ["explicit_max_ttl"] = "90m" });
        vault.Advance(TimeSpan.FromMinutes(30));
        var lookup = await vault.GetAsync("auth/token/lookup-self", token);
        var renew = await vault.PostAsync("auth/token/renew-self", token: token);
        vault.Advance(TimeSpan.FromMinutes(50));
        var capped = await vault.PostAsync("auth/token/renew-self", new JsonObject { ["increment"] = "1h" }, token);
        vault.Advance(TimeSpan.FromMinutes(11));

        var expired = await vault.GetAsync("auth/token/lookup-self", token);

        lookup.Number("data.ttl").ShouldBe(1800);
        renew.Number("auth.lease_duration").ShouldBe(3600);
        capped.Number("auth.lease_duration").ShouldBe(600);
        expired.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Revoke_self_ends_the_token_and_its_children_but_not_orphans()
    {
        await using var vault = await VaultTarget.StartAsync();
        var creator = await vault.WritePolicyAsync("""path "auth/token/create*" { capabilities = ["update"] }""");
        var parent = await vault.TokenWithPoliciesAsync(creator);
        var child = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("default") }, parent);
        var orphan = (await vault.PostAsync("auth/token/create-orphan", new JsonObject { ["policies"] = new JsonArray("default") }, parent)).Text("auth.client_token");

        var revoke = await vault.PostAsync("auth/token/revoke-self", token: parent);

        revoke.Status.ShouldBe(HttpStatusCode.NoContent);
        var parentLookup = await vault.GetAsync("auth/token/lookup-self", parent);
        parentLookup.Status.ShouldBe(HttpStatusCode.Forbidden);
        parentLookup.Errors.ShouldBe(["permission denied"]);
        (await vault.GetAsync("auth/token/lookup-self", child)).Status.ShouldBe(HttpStatusCode.Forbidden);
        var orphanLookup = await vault.GetAsync("auth/token/lookup-self", orphan);
        orphanLookup.Status.ShouldBe(HttpStatusCode.OK);
        orphanLookup.Flag("data.orphan").ShouldBeTrue();
    }

    [Fact]
    public async Task Revoking_a_token_revokes_the_leases_issued_under_it()
    {
        await using var vault = await VaultTarget.StartAsync();
        var reader = await vault.WritePolicyAsync("""path "database/creds/app" { capabilities = ["read"] }""");
        var token = await vault.TokenWithPoliciesAsync(reader);
        var lease = (await vault.DatabaseCredsAsync(token)).Text("lease_id");

        (await vault.PostAsync("auth/token/revoke", new JsonObject { ["token"] = token })).Status.ShouldBe(HttpStatusCode.NoContent);

        var lookup = await vault.PutAsync("sys/leases/lookup", new JsonObject { ["lease_id"] = lease });
        lookup.Status.ShouldBe(HttpStatusCode.BadRequest);
        lookup.Errors.ShouldBe(["invalid lease"]);
    }

    [Fact]
    public async Task A_token_with_num_uses_is_revoked_after_its_last_use()
    {
        await using var vault = await VaultTarget.StartAsync();
        var token = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("default"), ["num_uses"] = 2 });

        var first = await vault.GetAsync("auth/token/lookup-self", token);
        var second = await vault.GetAsync("auth/token/lookup-self", token);
        var third = await vault.GetAsync("auth/token/lookup-self", token);

        first.Number("data.num_uses").ShouldBe(1);
        second.Status.ShouldBe(HttpStatusCode.OK);
        third.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_periodic_token_renews_to_its_period_whatever_the_increment()
    {
        await using var vault = await VaultTarget.StartAsync();
        var create = await vault.PostAsync("auth/token/create", new JsonObject { ["policies"] = new JsonArray("default"), ["period"] = "1h" });
        var token = create.Text("auth.client_token");

        var renew = await vault.PostAsync("auth/token/renew-self", new JsonObject { ["increment"] = "10h" }, token);
        var lookup = await vault.GetAsync("auth/token/lookup-self", token);

        create.Number("auth.lease_duration").ShouldBe(3600);
        vault.ShouldBeTtl(renew.Number("auth.lease_duration"), 3600);
        lookup.Number("data.period").ShouldBe(3600);
    }

    [Fact]
    public async Task Only_root_or_sudo_may_create_periodic_tokens()
    {
        await using var vault = await VaultTarget.StartAsync();
        var creator = await vault.WritePolicyAsync("""path "auth/token/create" { capabilities = ["update"] }""");
        var token = await vault.TokenWithPoliciesAsync(creator);

        var call = await vault.PostAsync("auth/token/create", new JsonObject { ["policies"] = new JsonArray("default"), ["period"] = "1h" }, token);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.Single().ShouldContain("root or sudo privileges required to create periodic token");
    }
}
