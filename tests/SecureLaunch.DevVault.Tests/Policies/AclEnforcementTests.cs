using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Policies;

public sealed class AclEnforcementTests
{
    private const string Denied = "1 error occurred:\n\t* permission denied\n\n";

    [Fact]
    public async Task A_token_reads_what_its_policy_allows_and_gets_403_elsewhere()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.WritePolicyAsync("reader", """path "secret/data/myapp/*" { capabilities = ["read"] }""");
        var token = await vault.TokenWithPoliciesAsync("reader");

        var allowed = await vault.GetAsync("/v1/secret/data/myapp/stripe", token);
        var other = await vault.GetAsync("/v1/kv/legacy/thing", token);
        var write = await vault.PostAsync("/v1/secret/data/myapp/stripe", new JsonObject { ["data"] = new JsonObject { ["k"] = "v" } }, token);

        allowed.Status.ShouldBe(HttpStatusCode.OK);
        allowed.Data["data"]!["api_key"]!.GetValue<string>().ShouldBe("sk_test_123");
        other.Status.ShouldBe(HttpStatusCode.Forbidden);
        other.Errors.ShouldBe([Denied]);
        write.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Deny_in_one_policy_wins_over_a_grant_on_the_same_path_in_another()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.WritePolicyAsync("grant", """path "secret/data/myapp/*" { capabilities = ["read", "list"] }""");
        await vault.WritePolicyAsync("block", """path "secret/data/myapp/*" { capabilities = ["deny"] }""");
        var token = await vault.TokenWithPoliciesAsync("grant", "block");

        (await vault.GetAsync("/v1/secret/data/myapp/stripe", token)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_more_specific_rule_beats_a_broader_glob()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.WritePolicyAsync("mixed", """
            path "secret/data/*" { capabilities = ["deny"] }
            path "secret/data/myapp/stripe" { capabilities = ["read"] }
            """);
        var token = await vault.TokenWithPoliciesAsync("mixed");

        (await vault.GetAsync("/v1/secret/data/myapp/stripe", token)).Status.ShouldBe(HttpStatusCode.OK);
        (await vault.GetAsync("/v1/secret/data/myapp/nested/deep", token)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_plus_segment_matches_exactly_one_path_segment()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.WritePolicyAsync("segment", """path "secret/data/+/stripe" { capabilities = ["read"] }""");
        var token = await vault.TokenWithPoliciesAsync("segment");

        (await vault.GetAsync("/v1/secret/data/myapp/stripe", token)).Status.ShouldBe(HttpStatusCode.OK);
        (await vault.GetAsync("/v1/secret/data/myapp/nested/deep", token)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Writing_a_new_secret_needs_create_and_overwriting_needs_update()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.WritePolicyAsync("updater", """path "secret/data/*" { capabilities = ["update"] }""");
        var token = await vault.TokenWithPoliciesAsync("updater");
        var body = new JsonObject { ["data"] = new JsonObject { ["k"] = "v" } };

        var existing = await vault.PostAsync("/v1/secret/data/myapp/stripe", body, token);
        var fresh = await vault.PostAsync("/v1/secret/data/brand/new", body.DeepClone(), token);

        existing.Status.ShouldBe(HttpStatusCode.OK);
        fresh.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_list_is_checked_against_the_path_with_its_trailing_slash()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.WritePolicyAsync("lister", """path "secret/metadata/myapp/" { capabilities = ["list"] }""");
        var token = await vault.TokenWithPoliciesAsync("lister");

        var call = await vault.ListAsync("/v1/secret/metadata/myapp", token);

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["nested/", "stripe"]);
    }

    [Fact]
    public async Task Every_token_has_the_default_policy_so_it_may_look_itself_up_but_not_list_policies()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var token = await vault.TokenWithPoliciesAsync();

        (await vault.GetAsync("/v1/auth/token/lookup-self", token)).Status.ShouldBe(HttpStatusCode.OK);
        (await vault.ListAsync("/v1/sys/policies/acl", token)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Revoke_prefix_needs_sudo_besides_update()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.WritePolicyAsync("plain", """path "sys/leases/revoke-prefix/*" { capabilities = ["update"] }""");
        await vault.WritePolicyAsync("sudo", """path "sys/leases/revoke-prefix/*" { capabilities = ["update", "sudo"] }""");
        var plain = await vault.TokenWithPoliciesAsync("plain");
        var sudo = await vault.TokenWithPoliciesAsync("sudo");

        (await vault.PutAsync("/v1/sys/leases/revoke-prefix/database/creds/app", token: plain)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await vault.PutAsync("/v1/sys/leases/revoke-prefix/database/creds/app", token: sudo)).Status.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Allowed_and_denied_parameters_limit_what_a_write_may_carry()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.WritePolicyAsync("params", """
            path "kv/limited" {
              capabilities = ["create", "update"]
              allowed_parameters = { "colour" = ["red", "gr*"], "size" = [] }
              denied_parameters = { "size" = ["huge"] }
            }
            """);
        var token = await vault.TokenWithPoliciesAsync("params");

        (await vault.PostAsync("/v1/kv/limited", new JsonObject { ["colour"] = "green", ["size"] = "small" }, token)).Status.ShouldBe(HttpStatusCode.NoContent);
        (await vault.PostAsync("/v1/kv/limited", new JsonObject { ["colour"] = "blue" }, token)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await vault.PostAsync("/v1/kv/limited", new JsonObject { ["size"] = "huge" }, token)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await vault.PostAsync("/v1/kv/limited", new JsonObject { ["shape"] = "round" }, token)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_denied_request_still_spends_one_of_the_tokens_uses()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var token = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("app"), ["num_uses"] = 1 });

        var denied = await vault.GetAsync("/v1/kv/legacy/thing", token);
        var after = await vault.GetAsync("/v1/database/creds/app", token);

        denied.Status.ShouldBe(HttpStatusCode.Forbidden);
        denied.Errors.ShouldBe([Denied]);
        after.Status.ShouldBe(HttpStatusCode.Forbidden);
        after.Errors.ShouldBe(["permission denied"]);
    }

    [Fact]
    public async Task A_deleted_policy_stops_granting_at_once()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.WritePolicyAsync("temp", """path "kv/*" { capabilities = ["read"] }""");
        var token = await vault.TokenWithPoliciesAsync("temp");
        (await vault.GetAsync("/v1/kv/legacy/thing", token)).Status.ShouldBe(HttpStatusCode.OK);

        await vault.DeleteAsync("/v1/sys/policies/acl/temp");

        (await vault.GetAsync("/v1/kv/legacy/thing", token)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_non_root_token_without_sudo_cannot_create_periodic_tokens_but_one_with_sudo_can()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.WritePolicyAsync("admin", """path "auth/token/create" { capabilities = ["update", "sudo"] }""");
        var plain = await vault.TokenWithPoliciesAsync("creator");
        var admin = await vault.TokenWithPoliciesAsync("admin");

        var refused = await vault.PostAsync("/v1/auth/token/create", new JsonObject { ["period"] = "1h" }, plain);
        var granted = await vault.PostAsync("/v1/auth/token/create", new JsonObject { ["period"] = "1h", ["policies"] = new JsonArray("app") }, admin);

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Errors.ShouldBe(["root or sudo privileges required to create periodic token"]);
        granted.Status.ShouldBe(HttpStatusCode.OK);
        granted.Json["auth"]!["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["app", "default"]);
    }
}
