namespace SecureLaunch.Conformance.Tests.Auth;

public sealed class TokenRoleTests
{
    [Fact]
    public async Task A_role_reads_back_what_was_written_and_is_listed_until_deleted()
    {
        await using var vault = await VaultTarget.StartAsync();
        var role = Names.Unique("role");

        var write = await vault.PostAsync("auth/token/roles/" + role, new JsonObject { ["allowed_policies"] = "App-B,app-a", ["orphan"] = true, ["token_period"] = "1h" });
        var read = await vault.GetAsync("auth/token/roles/" + role);
        var list = await vault.ListAsync("auth/token/roles");
        var delete = await vault.DeleteAsync("auth/token/roles/" + role);
        var gone = await vault.GetAsync("auth/token/roles/" + role);

        write.Status.ShouldBe(HttpStatusCode.NoContent);
        read.Status.ShouldBe(HttpStatusCode.OK);
        read.Text("data.name").ShouldBe(role);
        read.Strings("data.allowed_policies").ShouldBe(["app-a", "app-b"]);
        read.Strings("data.disallowed_policies").ShouldBeEmpty();
        read.Flag("data.orphan").ShouldBeTrue();
        read.Flag("data.renewable").ShouldBeTrue();
        read.Number("data.token_period").ShouldBe(3600);
        read.Number("data.period").ShouldBe(0);
        read.Number("data.token_explicit_max_ttl").ShouldBe(0);
        read.Flag("data.token_no_default_policy").ShouldBeFalse();
        read.Text("data.path_suffix").ShouldBeEmpty();
        read.Text("data.token_type").ShouldBe("default-service");
        list.Strings("data.keys").ShouldContain(role);
        delete.Status.ShouldBe(HttpStatusCode.NoContent);
        gone.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_periodic_orphan_role_token_has_the_period_as_ttl_and_outlives_its_creator()
    {
        await using var vault = await VaultTarget.StartAsync();
        var role = Names.Unique("role");
        await vault.PostAsync("auth/token/roles/" + role, new JsonObject { ["allowed_policies"] = "conf-app", ["orphan"] = true, ["token_period"] = "1h" });
        var creatorPolicy = await vault.WritePolicyAsync($"path \"auth/token/create/{role}\" {{ capabilities = [\"update\"] }}");
        var creator = await vault.TokenWithPoliciesAsync(creatorPolicy);

        var create = await vault.PostAsync("auth/token/create/" + role, new JsonObject { ["policies"] = new JsonArray("conf-app") }, creator);
        var token = create.Text("auth.client_token");
        await vault.PostAsync("auth/token/revoke-self", token: creator);
        var lookup = await vault.GetAsync("auth/token/lookup-self", token);
        var renew = await vault.PostAsync("auth/token/renew-self", new JsonObject { ["increment"] = "10s" }, token);

        create.Status.ShouldBe(HttpStatusCode.OK, create.Body);
        create.Strings("auth.policies").ShouldBe(["conf-app", "default"]);
        create.Number("auth.lease_duration").ShouldBe(3600);
        create.Flag("auth.renewable").ShouldBeTrue();
        create.Flag("auth.orphan").ShouldBeTrue();
        lookup.Status.ShouldBe(HttpStatusCode.OK);
        lookup.Text("data.role").ShouldBe(role);
        lookup.Text("data.path").ShouldBe("auth/token/create/" + role);
        lookup.Flag("data.orphan").ShouldBeTrue();
        vault.ShouldBeTtl(renew.Number("auth.lease_duration"), 3600);
        await vault.DeleteAsync("auth/token/roles/" + role);
    }

    [Fact]
    public async Task Policies_outside_the_role_and_unknown_roles_are_400()
    {
        await using var vault = await VaultTarget.StartAsync();
        var role = Names.Unique("role");
        await vault.PostAsync("auth/token/roles/" + role, new JsonObject { ["allowed_policies"] = "conf-app", ["disallowed_policies"] = "conf-admin" });

        var outside = await vault.PostAsync("auth/token/create/" + role, new JsonObject { ["policies"] = new JsonArray("conf-other") });
        var unknown = await vault.PostAsync("auth/token/create/" + Names.Unique("missing"), new JsonObject());

        outside.Status.ShouldBe(HttpStatusCode.BadRequest);
        outside.Errors.Single().ShouldStartWith("token policies ([\"conf-other\" \"default\"]) must be subset of the role's allowed policies");
        unknown.Status.ShouldBe(HttpStatusCode.BadRequest);
        unknown.Errors.Single().ShouldStartWith("unknown role ");
        await vault.DeleteAsync("auth/token/roles/" + role);
    }

    [Fact]
    public async Task A_wrapped_creation_answers_wrap_info_only_and_unwraps_to_the_auth_block()
    {
        await using var vault = await VaultTarget.StartAsync();
        var role = Names.Unique("role");
        await vault.PostAsync("auth/token/roles/" + role, new JsonObject { ["allowed_policies"] = "conf-app", ["orphan"] = true, ["token_period"] = "1h" });

        var wrapped = await vault.SendAsync(HttpMethod.Post, "auth/token/create/" + role, new JsonObject(), "", new Dictionary<string, string> { ["X-Vault-Wrap-TTL"] = "60" });
        var unwrap = await vault.PostAsync("sys/wrapping/unwrap", token: wrapped.Text("wrap_info.token"));

        wrapped.Status.ShouldBe(HttpStatusCode.OK);
        wrapped.Json["auth"].ShouldBeNull();
        wrapped.Number("wrap_info.ttl").ShouldBe(60);
        wrapped.Text("wrap_info.creation_path").ShouldBe("auth/token/create/" + role);
        wrapped.Text("wrap_info.wrapped_accessor").ShouldBe(unwrap.Text("auth.accessor"));
        unwrap.Status.ShouldBe(HttpStatusCode.OK);
        unwrap.Number("auth.lease_duration").ShouldBe(3600);
        unwrap.Strings("auth.policies").ShouldBe(["conf-app", "default"]);
        (await vault.GetAsync("auth/token/lookup-self", unwrap.Text("auth.client_token"))).Status.ShouldBe(HttpStatusCode.OK);
        await vault.DeleteAsync("auth/token/roles/" + role);
    }
}
