using System.Net;
using System.Net.Http.Headers;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Auth;

public sealed class TokenAuthenticationTests
{
    [Fact]
    public async Task A_call_without_a_token_is_403_permission_denied()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var call = await vault.GetAsync("/v1/secret/data/myapp/stripe", token: null);

        call.Status.ShouldBe(HttpStatusCode.Forbidden);
        call.Errors.ShouldBe(["permission denied"]);
    }

    [Fact]
    public async Task A_call_with_an_unknown_token_is_403_permission_denied()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var call = await vault.GetAsync("/v1/auth/token/lookup-self", token: "hvs.not-a-token");

        call.Status.ShouldBe(HttpStatusCode.Forbidden);
        call.Errors.ShouldBe(["permission denied"]);
    }

    [Fact]
    public async Task The_token_is_also_accepted_as_an_Authorization_Bearer_header()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/auth/token/lookup-self");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", vault.Root);

        using var response = await vault.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_random_root_token_has_the_hvs_prefix_and_a_fixed_one_is_kept()
    {
        await using var random = await DevVaultHarness.StartAsync();
        await using var fixedToken = await DevVaultHarness.StartAsync(configure: o => o with { RootToken = "dev-root" });
        await using var seeded = await DevVaultHarness.StartAsync(new DevVaultSeed { RootToken = "from-seed" });

        random.Root.ShouldStartWith("hvs.");
        fixedToken.Root.ShouldBe("dev-root");
        seeded.Root.ShouldBe("from-seed");
        (await fixedToken.GetAsync("/v1/auth/token/lookup-self", "dev-root")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Lookup_self_of_the_root_token_reports_root_policy_no_ttl_and_no_lease_fields()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/auth/token/lookup-self");

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Json.AsObject().Select(p => p.Key).ShouldBe(
            ["request_id", "lease_id", "renewable", "lease_duration", "data", "wrap_info", "warnings", "auth", "mount_type"]);
        call.Json["mount_type"]!.GetValue<string>().ShouldBe("token");
        var data = call.Data.AsObject();
        data["id"]!.GetValue<string>().ShouldBe(vault.Root);
        data["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["root"]);
        data["ttl"]!.GetValue<long>().ShouldBe(0);
        data["creation_ttl"]!.GetValue<long>().ShouldBe(0);
        data["expire_time"].ShouldBeNull();
        data["path"]!.GetValue<string>().ShouldBe("auth/token/root");
        data["display_name"]!.GetValue<string>().ShouldBe("root");
        data["orphan"]!.GetValue<bool>().ShouldBeTrue();
        data["type"]!.GetValue<string>().ShouldBe("service");
        data["accessor"]!.GetValue<string>().Length.ShouldBe(24);
        data.ContainsKey("renewable").ShouldBeFalse();
        data.ContainsKey("issue_time").ShouldBeFalse();
    }
}
