using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Auth;

public sealed class TokenCreationPolicyTests
{
    [Fact]
    public async Task A_non_root_caller_may_not_grant_a_policy_it_does_not_hold()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("creator", "path \"auth/token/create\" { capabilities = [\"update\"] }");
        var creator = await vault.TokenWithPoliciesAsync("creator", "app");

        var wider = await vault.PostAsync("/v1/auth/token/create", new JsonObject { ["policies"] = new JsonArray("admin") }, creator);
        var narrower = await vault.PostAsync("/v1/auth/token/create", new JsonObject { ["policies"] = new JsonArray("app") }, creator);
        var inherited = await vault.PostAsync("/v1/auth/token/create", new JsonObject(), creator);

        wider.Status.ShouldBe(HttpStatusCode.BadRequest);
        wider.Errors.ShouldBe(["child policies must be subset of parent"]);
        Strings(narrower.Json["auth"]!["policies"]).ShouldBe(["app", "default"]);
        Strings(inherited.Json["auth"]!["policies"]).ShouldBe(["app", "creator", "default"]);
    }

    [Fact]
    public async Task No_parent_without_sudo_and_internal_policies_are_400()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("creator", "path \"auth/token/create\" { capabilities = [\"update\"] }");
        var creator = await vault.TokenWithPoliciesAsync("creator");

        var orphan = await vault.PostAsync("/v1/auth/token/create", new JsonObject { ["no_parent"] = true }, creator);
        var wrapping = await vault.PostAsync("/v1/auth/token/create", new JsonObject { ["policies"] = new JsonArray("response-wrapping") });

        orphan.Errors.ShouldBe(["root or sudo privileges required to create orphan token"]);
        wrapping.Errors.ShouldBe(["cannot assign policy \"response-wrapping\""]);
    }

    [Fact]
    public async Task A_limited_use_token_cannot_create_children()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var limited = await vault.CreateTokenAsync(new JsonObject { ["num_uses"] = 3 });

        var call = await vault.PostAsync("/v1/auth/token/create", new JsonObject(), limited);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["restricted use token cannot generate child tokens"]);
    }

    private static List<string> Strings(JsonNode? node) => [.. node!.AsArray().Select(n => n!.GetValue<string>())];
}
