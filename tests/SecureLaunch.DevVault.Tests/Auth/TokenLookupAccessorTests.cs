using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Auth;

public sealed class TokenLookupAccessorTests
{
    [Fact]
    public async Task Lookup_accessor_returns_the_lookup_data_with_the_id_blanked()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var token = await vault.CreateTokenAsync(new JsonObject
        {
            ["policies"] = new JsonArray("default", "web"),
            ["ttl"] = "10m",
            ["display_name"] = "ci job",
            ["meta"] = new JsonObject { ["user"] = "armon" },
        });
        var self = (await vault.GetAsync("/v1/auth/token/lookup-self", token)).Data.AsObject();
        var accessor = self["accessor"]!.GetValue<string>();
        vault.Clock.Advance(TimeSpan.FromSeconds(100));

        var call = await vault.PostAsync("/v1/auth/token/lookup-accessor", new JsonObject { ["accessor"] = accessor });

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Body.ShouldNotContain(token);
        var data = call.Data.AsObject();
        data["id"]!.GetValue<string>().ShouldBeEmpty();
        data["accessor"]!.GetValue<string>().ShouldBe(accessor);
        data["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["default", "web"]);
        data["ttl"]!.GetValue<long>().ShouldBe(500);
        data["creation_ttl"]!.GetValue<long>().ShouldBe(600);
        data["display_name"]!.GetValue<string>().ShouldBe("token-ci-job");
        data["meta"]!["user"]!.GetValue<string>().ShouldBe("armon");
        data["expire_time"]!.GetValue<string>().ShouldBe("2025-03-01T12:10:00Z");
        data["renewable"]!.GetValue<bool>().ShouldBeTrue();
        data.Select(p => p.Key).ShouldBe(self.Select(p => p.Key), ignoreOrder: true);
    }

    [Fact]
    public async Task Lookup_accessor_does_not_use_up_the_looked_up_token()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var token = await vault.CreateTokenAsync(new JsonObject { ["num_uses"] = 2 });
        var accessor = (await vault.GetAsync("/v1/auth/token/lookup-self", token)).Data["accessor"]!.GetValue<string>();

        var call = await vault.PostAsync("/v1/auth/token/lookup-accessor", new JsonObject { ["accessor"] = accessor });

        call.Data["num_uses"]!.GetValue<int>().ShouldBe(1);
        (await vault.GetAsync("/v1/auth/token/lookup-self", token)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_accessor_is_400_invalid_accessor_and_a_missing_one_400_missing_accessor()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var unknown = await vault.PostAsync("/v1/auth/token/lookup-accessor", new JsonObject { ["accessor"] = "not-an-accessor" });
        var missing = await vault.PostAsync("/v1/auth/token/lookup-accessor", new JsonObject());

        unknown.Status.ShouldBe(HttpStatusCode.BadRequest);
        unknown.Errors.ShouldBe(["invalid accessor"]);
        missing.Status.ShouldBe(HttpStatusCode.BadRequest);
        missing.Errors.ShouldBe(["missing accessor"]);
    }

    [Fact]
    public async Task The_accessor_of_an_expired_or_revoked_token_is_400_invalid_accessor()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var expiring = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("default"), ["ttl"] = "30s" });
        var revoked = await vault.CreateTokenAsync();
        var expiringAccessor = (await vault.GetAsync("/v1/auth/token/lookup-self", expiring)).Data["accessor"]!.GetValue<string>();
        var revokedAccessor = (await vault.GetAsync("/v1/auth/token/lookup-self", revoked)).Data["accessor"]!.GetValue<string>();
        (await vault.PostAsync("/v1/auth/token/revoke-self", token: revoked)).Status.ShouldBe(HttpStatusCode.NoContent);
        vault.Clock.Advance(TimeSpan.FromSeconds(30));

        var expired = await vault.PostAsync("/v1/auth/token/lookup-accessor", new JsonObject { ["accessor"] = expiringAccessor });
        var gone = await vault.PostAsync("/v1/auth/token/lookup-accessor", new JsonObject { ["accessor"] = revokedAccessor });

        expired.Status.ShouldBe(HttpStatusCode.BadRequest);
        expired.Errors.ShouldBe(["invalid accessor"]);
        gone.Status.ShouldBe(HttpStatusCode.BadRequest);
        gone.Errors.ShouldBe(["invalid accessor"]);
    }

    [Fact]
    public async Task The_default_policy_does_not_grant_lookup_accessor_but_update_on_the_path_does()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("accessor-reader", """path "auth/token/lookup-accessor" { capabilities = ["update"] }""");
        var accessor = (await vault.GetAsync("/v1/auth/token/lookup-self")).Data["accessor"]!.GetValue<string>();
        var plain = await vault.TokenWithPoliciesAsync();
        var reader = await vault.TokenWithPoliciesAsync("accessor-reader");

        var denied = await vault.PostAsync("/v1/auth/token/lookup-accessor", new JsonObject { ["accessor"] = accessor }, plain);
        var allowed = await vault.PostAsync("/v1/auth/token/lookup-accessor", new JsonObject { ["accessor"] = accessor }, reader);

        denied.Status.ShouldBe(HttpStatusCode.Forbidden);
        denied.Errors.ShouldBe(["1 error occurred:\n\t* permission denied\n\n"]);
        allowed.Status.ShouldBe(HttpStatusCode.OK);
        allowed.Data["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["root"]);
        allowed.Data["id"]!.GetValue<string>().ShouldBeEmpty();
        allowed.Body.ShouldNotContain(vault.Root);
    }

    [Fact]
    public async Task Lookup_accessor_answers_only_post()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/auth/token/lookup-accessor");

        call.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }
}
