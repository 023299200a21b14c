using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Auth;

public sealed class TokenRoleCreationTests
{
    private const string Creator = "path \"auth/token/create/launch\" { capabilities = [\"update\"] }";

    [Fact]
    public async Task A_periodic_orphan_role_gives_a_renewable_token_whose_ttl_is_the_period_and_which_outlives_its_creator()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("creator", Creator);
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["allowed_policies"] = "app-a,app-b", ["orphan"] = true, ["token_period"] = "1h" });
        var creator = await vault.TokenWithPoliciesAsync("creator");

        var call = await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject { ["policies"] = new JsonArray("app-a") }, creator);

        call.Status.ShouldBe(HttpStatusCode.OK);
        var auth = call.Json["auth"]!;
        var token = auth["client_token"]!.GetValue<string>();
        Strings(auth["policies"]).ShouldBe(["app-a", "default"]);
        auth["lease_duration"]!.GetValue<long>().ShouldBe(3600);
        auth["renewable"]!.GetValue<bool>().ShouldBeTrue();
        auth["orphan"]!.GetValue<bool>().ShouldBeTrue();
        var lookup = (await vault.GetAsync("/v1/auth/token/lookup-self", token)).Data;
        lookup["path"]!.GetValue<string>().ShouldBe("auth/token/create/launch");
        lookup["role"]!.GetValue<string>().ShouldBe("launch");
        lookup["orphan"]!.GetValue<bool>().ShouldBeTrue();
        (await vault.PostAsync("/v1/auth/token/revoke-self", token: creator)).Status.ShouldBe(HttpStatusCode.NoContent);
        (await vault.GetAsync("/v1/auth/token/lookup-self", token)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_role_token_renews_to_the_period_again_and_again_past_the_system_max_ttl()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["allowed_policies"] = "app", ["token_period"] = "1h" });
        var token = (await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject())).Json["auth"]!["client_token"]!.GetValue<string>();

        for (var i = 0; i < 800; i++)
        {
            vault.Clock.Advance(TimeSpan.FromMinutes(50));
            var renew = await vault.PostAsync("/v1/auth/token/renew-self", new JsonObject { ["increment"] = "10s" }, token);
            renew.Json["auth"]!["lease_duration"]!.GetValue<long>().ShouldBe(3600);
        }

        (await vault.GetAsync("/v1/auth/token/lookup-self", token)).Data["ttl"]!.GetValue<long>().ShouldBe(3600);
    }

    [Fact]
    public async Task No_policies_asked_gives_the_allowed_policies_with_default()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["allowed_policies"] = "app-b,app-a" });

        var auth = (await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject())).Json["auth"]!;

        Strings(auth["policies"]).ShouldBe(["app-a", "app-b", "default"]);
        auth["orphan"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Policies_outside_the_allowed_list_are_400_even_for_root()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["allowed_policies"] = "app-a" });

        var call = await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject { ["policies"] = new JsonArray("app-a", "admin") });

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["token policies ([\"admin\" \"app-a\" \"default\"]) must be subset of the role's allowed policies ([\"app-a\" \"default\"]) or glob policies ([])"]);
    }

    [Fact]
    public async Task A_disallowed_policy_is_400_and_disallowing_default_keeps_it_off()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["disallowed_policies"] = "admin,default" });

        var refused = await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject { ["policies"] = new JsonArray("app", "admin") });
        var allowed = await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject { ["policies"] = new JsonArray("app") });

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Errors.ShouldBe(["token policy \"admin\" is disallowed by this role"]);
        Strings(allowed.Json["auth"]!["policies"]).ShouldBe(["app"]);
    }

    [Fact]
    public async Task A_role_without_policy_lists_keeps_the_subset_of_parent_rule()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("creator", Creator);
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["orphan"] = true });
        var creator = await vault.TokenWithPoliciesAsync("creator", "app");

        var wider = await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject { ["policies"] = new JsonArray("admin") }, creator);
        var narrower = await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject { ["policies"] = new JsonArray("app") }, creator);

        wider.Status.ShouldBe(HttpStatusCode.BadRequest);
        wider.Errors.ShouldBe(["child policies must be subset of parent"]);
        Strings(narrower.Json["auth"]!["policies"]).ShouldBe(["app", "default"]);
    }

    [Fact]
    public async Task The_lesser_period_wins_with_a_warning_and_a_suffix_extends_the_path()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["allowed_policies"] = "app", ["token_period"] = "1h", ["path_suffix"] = "rev2" });

        var call = await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject { ["period"] = "30m" });

        call.Json["auth"]!["lease_duration"]!.GetValue<long>().ShouldBe(1800);
        Strings(call.Json["warnings"]).ShouldContain("Period specified both during creation call and in role; using the lesser value of 1800 seconds");
        var token = call.Json["auth"]!["client_token"]!.GetValue<string>();
        (await vault.GetAsync("/v1/auth/token/lookup-self", token)).Data["path"]!.GetValue<string>().ShouldBe("auth/token/create/launch/rev2");
    }

    [Fact]
    public async Task A_non_renewable_role_gives_a_non_renewable_token()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["allowed_policies"] = "app", ["renewable"] = false });

        var auth = (await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject { ["ttl"] = "10m" })).Json["auth"]!;

        auth["renewable"]!.GetValue<bool>().ShouldBeFalse();
        auth["lease_duration"]!.GetValue<long>().ShouldBe(600);
    }

    [Fact]
    public async Task An_unknown_role_is_400_and_a_caller_without_update_on_the_path_is_403()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/token/roles/other", new JsonObject { ["allowed_policies"] = "app" });
        await vault.WritePolicyAsync("creator", Creator);
        var creator = await vault.TokenWithPoliciesAsync("creator");

        var unknown = await vault.PostAsync("/v1/auth/token/create/nope", new JsonObject());
        var denied = await vault.PostAsync("/v1/auth/token/create/other", new JsonObject(), creator);

        unknown.Status.ShouldBe(HttpStatusCode.BadRequest);
        unknown.Errors.ShouldBe(["unknown role nope"]);
        denied.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_wrapped_role_token_travels_only_as_a_wrapping_token_and_unwraps_to_the_auth_block_once()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["allowed_policies"] = "app", ["orphan"] = true, ["token_period"] = "1h" });

        var wrapped = await vault.SendAsync(HttpMethod.Post, "/v1/auth/token/create/launch", new JsonObject(), "", "2m");
        var info = wrapped.Json["wrap_info"]!;
        var unwrap = await vault.PostAsync("/v1/sys/wrapping/unwrap", token: info["token"]!.GetValue<string>());
        var again = await vault.PostAsync("/v1/sys/wrapping/unwrap", token: info["token"]!.GetValue<string>());

        wrapped.Json["auth"].ShouldBeNull();
        info["ttl"]!.GetValue<long>().ShouldBe(120);
        info["creation_path"]!.GetValue<string>().ShouldBe("auth/token/create/launch");
        var auth = unwrap.Json["auth"]!;
        info["wrapped_accessor"]!.GetValue<string>().ShouldBe(auth["accessor"]!.GetValue<string>());
        wrapped.Body.ShouldNotContain(auth["client_token"]!.GetValue<string>());
        auth["lease_duration"]!.GetValue<long>().ShouldBe(3600);
        Strings(auth["policies"]).ShouldBe(["app", "default"]);
        (await vault.GetAsync("/v1/auth/token/lookup-self", auth["client_token"]!.GetValue<string>())).Status.ShouldBe(HttpStatusCode.OK);
        again.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Renewing_a_token_whose_role_was_deleted_is_refused()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["allowed_policies"] = "app", ["token_period"] = "1h" });
        var token = (await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject())).Json["auth"]!["client_token"]!.GetValue<string>();
        await vault.DeleteAsync("/v1/auth/token/roles/launch");

        var renew = await vault.PostAsync("/v1/auth/token/renew-self", token: token);

        renew.Status.ShouldBe(HttpStatusCode.InternalServerError);
        renew.Errors.Single().ShouldContain("original token role \"launch\" could not be found, not renewing");
    }

    [Fact]
    public async Task The_roles_no_default_policy_and_use_limit_apply_to_its_tokens()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["allowed_policies"] = "app", ["token_no_default_policy"] = true, ["token_num_uses"] = 3 });

        var unlimited = (await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject())).Json["auth"]!;
        var fewer = (await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject { ["num_uses"] = 2 })).Json["auth"]!;
        var more = (await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject { ["num_uses"] = 5 })).Json["auth"]!;

        Strings(unlimited["policies"]).ShouldBe(["app"]);
        unlimited["num_uses"]!.GetValue<int>().ShouldBe(3);
        fewer["num_uses"]!.GetValue<int>().ShouldBe(2);
        more["num_uses"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task A_period_on_the_create_call_still_needs_sudo_on_the_role_path()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("creator", Creator);
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["allowed_policies"] = "app" });
        var creator = await vault.TokenWithPoliciesAsync("creator");

        var call = await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject { ["period"] = "1h" }, creator);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["root or sudo privileges required to create periodic token"]);
    }

    private static List<string> Strings(JsonNode? node) => [.. node!.AsArray().Select(n => n!.GetValue<string>())];
}
