using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Auth;

public sealed class TokenLifecycleTests
{
    [Fact]
    public async Task Create_returns_the_documented_auth_block_with_default_policy_added_and_warnings()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var body = new JsonObject
        {
            ["policies"] = new JsonArray("web", "stage"),
            ["meta"] = new JsonObject { ["user"] = "armon" },
            ["ttl"] = "1h",
            ["renewable"] = true,
        };

        var call = await vault.PostAsync("/v1/auth/token/create", body);

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Json["data"].ShouldBeNull();
        call.Json["lease_duration"]!.GetValue<long>().ShouldBe(0);
        call.Json["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldBe(["Policy \"stage\" does not exist", "Policy \"web\" does not exist"]);
        var auth = call.Json["auth"]!.AsObject();
        auth["client_token"]!.GetValue<string>().ShouldStartWith("hvs.");
        auth["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["default", "stage", "web"]);
        auth["token_policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["default", "stage", "web"]);
        auth["metadata"]!["user"]!.GetValue<string>().ShouldBe("armon");
        auth["lease_duration"]!.GetValue<long>().ShouldBe(3600);
        auth["renewable"]!.GetValue<bool>().ShouldBeTrue();
        auth["token_type"]!.GetValue<string>().ShouldBe("service");
        auth["orphan"]!.GetValue<bool>().ShouldBeFalse();
        auth["num_uses"]!.GetValue<int>().ShouldBe(0);
        auth["entity_id"]!.GetValue<string>().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_created_token_looks_itself_up_with_its_ttl_display_name_and_lease_fields()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var token = await vault.CreateTokenAsync(new JsonObject { ["ttl"] = "10m", ["display_name"] = "ci job", ["explicit_max_ttl"] = "1h" });
        vault.Clock.Advance(TimeSpan.FromSeconds(100));

        var data = (await vault.GetAsync("/v1/auth/token/lookup-self", token)).Data;

        data["id"]!.GetValue<string>().ShouldBe(token);
        data["display_name"]!.GetValue<string>().ShouldBe("token-ci-job");
        data["ttl"]!.GetValue<long>().ShouldBe(500);
        data["creation_ttl"]!.GetValue<long>().ShouldBe(600);
        data["explicit_max_ttl"]!.GetValue<long>().ShouldBe(3600);
        data["renewable"]!.GetValue<bool>().ShouldBeTrue();
        data["path"]!.GetValue<string>().ShouldBe("auth/token/create");
        data["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["root"]);
        data["issue_time"]!.GetValue<string>().ShouldBe("2025-03-01T12:00:00Z");
        data["expire_time"]!.GetValue<string>().ShouldBe("2025-03-01T12:10:00Z");
        data["orphan"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_token_past_its_ttl_is_denied()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var token = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("default"), ["ttl"] = "30s" });

        vault.Clock.Advance(TimeSpan.FromSeconds(30));

        (await vault.GetAsync("/v1/auth/token/lookup-self", token)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Renew_self_extends_the_token_but_never_past_its_explicit_max_ttl()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var token = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("default"), ["ttl"] = "1m", ["explicit_max_ttl"] = "3m" });
        vault.Clock.Advance(TimeSpan.FromSeconds(50));

        var first = await vault.PostAsync("/v1/auth/token/renew-self", new JsonObject { ["increment"] = "2m" }, token);
        vault.Clock.Advance(TimeSpan.FromSeconds(100));
        var capped = await vault.PostAsync("/v1/auth/token/renew-self", new JsonObject { ["increment"] = 3600 }, token);

        first.Status.ShouldBe(HttpStatusCode.OK);
        first.Json["auth"]!["lease_duration"]!.GetValue<long>().ShouldBe(120);
        first.Json["auth"]!["client_token"]!.GetValue<string>().ShouldBe(token);
        capped.Json["auth"]!["lease_duration"]!.GetValue<long>().ShouldBe(30);
        capped.Json["warnings"]!.AsArray().Single()!.GetValue<string>()
            .ShouldBe("TTL of \"1h0m0s\" exceeded the effective max_ttl of \"30s\"; TTL value is capped accordingly");
    }

    [Fact]
    public async Task Renew_self_of_the_root_token_is_400_since_it_has_no_lease()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/auth/token/renew-self");

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["lease not found"]);
    }

    [Fact]
    public async Task Renew_self_of_a_non_renewable_token_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var token = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("default"), ["renewable"] = false });

        var call = await vault.PostAsync("/v1/auth/token/renew-self", token: token);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["lease is not renewable"]);
    }

    [Fact]
    public async Task Revoke_self_is_204_and_the_token_and_its_children_stop_working()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var parent = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("creator") });
        var child = (await vault.PostAsync("/v1/auth/token/create", new JsonObject(), parent)).Json["auth"]!["client_token"]!.GetValue<string>();

        var revoke = await vault.PostAsync("/v1/auth/token/revoke-self", token: parent);

        revoke.Status.ShouldBe(HttpStatusCode.NoContent);
        revoke.Body.ShouldBeEmpty();
        (await vault.GetAsync("/v1/auth/token/lookup-self", parent)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await vault.GetAsync("/v1/auth/token/lookup-self", child)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_limited_to_two_uses_is_revoked_after_the_second()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var token = await vault.CreateTokenAsync(new JsonObject { ["num_uses"] = 2 });

        var first = await vault.GetAsync("/v1/auth/token/lookup-self", token);
        var second = await vault.GetAsync("/v1/auth/token/lookup-self", token);
        var third = await vault.GetAsync("/v1/auth/token/lookup-self", token);

        first.Data["num_uses"]!.GetValue<int>().ShouldBe(1);
        second.Status.ShouldBe(HttpStatusCode.OK);
        third.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_non_root_token_cannot_grant_policies_it_does_not_have()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var token = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("creator") });

        var call = await vault.PostAsync("/v1/auth/token/create", new JsonObject { ["policies"] = new JsonArray("admin") }, token);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["child policies must be subset of parent"]);
    }

    [Fact]
    public async Task A_root_policy_child_without_ttl_never_expires_and_is_not_renewable()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var auth = (await vault.PostAsync("/v1/auth/token/create", new JsonObject())).Json["auth"]!;

        auth["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["root"]);
        auth["lease_duration"]!.GetValue<long>().ShouldBe(0);
        auth["renewable"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Lookup_of_another_token_by_body_and_bad_token_403()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var token = await vault.CreateTokenAsync();

        var found = await vault.PostAsync("/v1/auth/token/lookup", new JsonObject { ["token"] = token });
        var missing = await vault.PostAsync("/v1/auth/token/lookup", new JsonObject { ["token"] = "nope" });

        found.Data["id"]!.GetValue<string>().ShouldBe(token);
        missing.Status.ShouldBe(HttpStatusCode.Forbidden);
        missing.Errors.ShouldBe(["bad token"]);
    }

    [Fact]
    public async Task Revoke_accessor_is_204_revokes_the_token_and_its_children_and_an_unknown_accessor_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var parent = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("creator") });
        var child = (await vault.PostAsync("/v1/auth/token/create", new JsonObject(), parent)).Json["auth"]!["client_token"]!.GetValue<string>();
        var accessor = (await vault.GetAsync("/v1/auth/token/lookup-self", parent)).Data["accessor"]!.GetValue<string>();

        var revoke = await vault.PostAsync("/v1/auth/token/revoke-accessor", new JsonObject { ["accessor"] = accessor });
        var again = await vault.PostAsync("/v1/auth/token/revoke-accessor", new JsonObject { ["accessor"] = accessor });

        revoke.Status.ShouldBe(HttpStatusCode.NoContent);
        (await vault.GetAsync("/v1/auth/token/lookup-self", parent)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await vault.GetAsync("/v1/auth/token/lookup-self", child)).Status.ShouldBe(HttpStatusCode.Forbidden);
        again.Status.ShouldBe(HttpStatusCode.BadRequest);
        again.Errors.ShouldBe(["invalid accessor"]);
    }
}
