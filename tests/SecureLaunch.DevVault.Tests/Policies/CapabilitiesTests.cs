using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Policies;

public sealed class CapabilitiesTests
{
    [Fact]
    public async Task Capabilities_self_maps_each_path_to_sorted_capabilities_in_data_and_at_the_top_level()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("app", """
            path "secret/data/app/*" { capabilities = ["update", "read", "create"] }
            path "secret/data/app/locked" { capabilities = ["deny"] }
            """);
        var token = await vault.TokenWithPoliciesAsync("app");

        var call = await vault.PostAsync(
            "/v1/sys/capabilities-self",
            new JsonObject { ["paths"] = new JsonArray("secret/data/app/db", "secret/data/app/locked", "kv/other") },
            token);

        call.Status.ShouldBe(HttpStatusCode.OK);
        Strings(call.Data["secret/data/app/db"]).ShouldBe(["create", "read", "update"]);
        Strings(call.Data["secret/data/app/locked"]).ShouldBe(["deny"]);
        Strings(call.Data["kv/other"]).ShouldBe(["deny"]);
        Strings(call.Json["secret/data/app/db"]).ShouldBe(["create", "read", "update"]);
        call.Data.AsObject().ContainsKey("capabilities").ShouldBeFalse();
    }

    [Fact]
    public async Task Capabilities_self_with_one_path_adds_the_legacy_capabilities_key()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var token = await vault.TokenWithPoliciesAsync();

        var call = await vault.PostAsync("/v1/sys/capabilities-self", new JsonObject { ["path"] = "auth/token/lookup-self" }, token);

        Strings(call.Data["capabilities"]).ShouldBe(["read"]);
        Strings(call.Json["capabilities"]).ShouldBe(["read"]);
        Strings(call.Data["auth/token/lookup-self"]).ShouldBe(["read"]);
    }

    [Fact]
    public async Task Capabilities_self_of_the_root_token_is_root()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/sys/capabilities-self", new JsonObject { ["paths"] = new JsonArray("anything/at/all") });

        Strings(call.Data["anything/at/all"]).ShouldBe(["root"]);
    }

    [Fact]
    public async Task Capabilities_self_without_paths_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/sys/capabilities-self", new JsonObject());

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["missing token or path"]);
    }

    [Fact]
    public async Task Capabilities_of_another_token_and_by_accessor_answer_the_same()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("lister", """path "secret/metadata/*" { capabilities = ["list", "sudo"] }""");
        var created = (await vault.PostAsync("/v1/auth/token/create", new JsonObject { ["policies"] = new JsonArray("lister") })).Json["auth"]!;

        var byToken = await vault.PostAsync("/v1/sys/capabilities", new JsonObject { ["token"] = created["client_token"]!.GetValue<string>(), ["paths"] = new JsonArray("secret/metadata/x") });
        var byAccessor = await vault.PostAsync("/v1/sys/capabilities-accessor", new JsonObject { ["accessor"] = created["accessor"]!.GetValue<string>(), ["paths"] = new JsonArray("secret/metadata/x") });
        var unknown = await vault.PostAsync("/v1/sys/capabilities-accessor", new JsonObject { ["accessor"] = "nope", ["paths"] = new JsonArray("x") });

        Strings(byToken.Data["secret/metadata/x"]).ShouldBe(["list", "sudo"]);
        Strings(byAccessor.Data["secret/metadata/x"]).ShouldBe(["list", "sudo"]);
        unknown.Errors.ShouldBe(["invalid accessor"]);
    }

    private static List<string> Strings(JsonNode? node) => [.. node!.AsArray().Select(n => n!.GetValue<string>())];
}
