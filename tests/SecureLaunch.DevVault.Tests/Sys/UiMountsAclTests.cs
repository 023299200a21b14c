using System.Net;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Sys;

public sealed class UiMountsAclTests
{
    [Fact]
    public async Task The_mount_preflight_answers_a_token_with_access_below_the_mount()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("app", """path "secret/data/app/*" { capabilities = ["read"] }""");
        var token = await vault.TokenWithPoliciesAsync("app");

        var secret = await vault.GetAsync("/v1/sys/internal/ui/mounts/secret/app/db", token);
        var kv = await vault.GetAsync("/v1/sys/internal/ui/mounts/kv/app/db", token);

        secret.Status.ShouldBe(HttpStatusCode.OK);
        secret.Data["path"]!.GetValue<string>().ShouldBe("secret/");
        kv.Status.ShouldBe(HttpStatusCode.Forbidden);
        kv.Errors.ShouldBe(["preflight capability check returned 403, please ensure client's policies grant access to path \"kv/app/db/\""]);
    }

    [Fact]
    public async Task The_mount_preflight_without_a_token_is_the_same_403()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/sys/internal/ui/mounts/secret/x", token: null);

        call.Status.ShouldBe(HttpStatusCode.Forbidden);
        call.Errors.Single().ShouldStartWith("preflight capability check returned 403");
    }

    [Fact]
    public async Task The_mount_listing_shows_only_mounts_the_token_reaches()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("app", """path "kv/+/db" { capabilities = ["read"] }""");
        var token = await vault.TokenWithPoliciesAsync("app");

        var mine = await vault.GetAsync("/v1/sys/internal/ui/mounts", token);
        var anonymous = await vault.GetAsync("/v1/sys/internal/ui/mounts", token: null);

        mine.Data["secret"]!.AsObject().Select(p => p.Key).ShouldBe(["kv/", "sys/"], ignoreOrder: true);
        mine.Data["auth"]!.AsObject().Select(p => p.Key).ShouldBe(["token/"]);
        anonymous.Status.ShouldBe(HttpStatusCode.OK);
        anonymous.Data["secret"]!.AsObject().Count.ShouldBe(0);
    }
}
