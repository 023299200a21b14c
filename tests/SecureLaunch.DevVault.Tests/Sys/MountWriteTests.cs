using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Sys;

public sealed class MountWriteTests
{
    [Theory]
    [InlineData("/v1/sys/mounts/database", "database", "path is already in use at database/")]
    [InlineData("/v1/sys/mounts/secret/", "kv", "path is already in use at secret/")]
    [InlineData("/v1/sys/auth/approle", "approle", "path is already in use at approle/")]
    public async Task Enabling_a_mount_where_one_is_answers_vaults_path_is_already_in_use(string path, string type, string error)
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync(path, new JsonObject { ["type"] = type });

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task Enabling_a_mount_elsewhere_or_disabling_one_is_refused_as_unsupported_here()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var enable = await vault.PostAsync("/v1/sys/mounts/transit", new JsonObject { ["type"] = "transit" });
        var disable = await vault.DeleteAsync("/v1/sys/mounts/kv");
        var missingType = await vault.PostAsync("/v1/sys/mounts/kv2", new JsonObject());

        enable.Status.ShouldBe(HttpStatusCode.BadRequest);
        enable.Errors.Single().ShouldContain("not supported by the SecureLaunch dev server");
        disable.Status.ShouldBe(HttpStatusCode.BadRequest);
        missingType.Errors.ShouldBe(["backend type must be specified as a string"]);
        (await vault.GetAsync("/v1/sys/mounts/kv")).Data["options"]!["version"]!.GetValue<string>().ShouldBe("1");
    }

    [Fact]
    public async Task Sys_auth_lists_the_auth_methods_with_their_token_type()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var list = await vault.GetAsync("/v1/sys/auth");

        list.Status.ShouldBe(HttpStatusCode.OK);
        list.Data.AsObject().Select(p => p.Key).ShouldBe(["approle/", "jwt/", "kubernetes/", "token/", "userpass/"]);
        list.Data["token/"]!["type"]!.GetValue<string>().ShouldBe("token");
        list.Data["token/"]!["config"]!["token_type"]!.GetValue<string>().ShouldBe("default-service");
        list.Json["userpass/"]!["accessor"]!.GetValue<string>().ShouldStartWith("auth_userpass_");
    }

    [Fact]
    public async Task Sys_auth_paths_need_sudo()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("mounts", """path "sys/auth/*" { capabilities = ["read", "update"] }""");
        await vault.WritePolicyAsync("mounts-sudo", """path "sys/auth/*" { capabilities = ["read", "update", "sudo"] }""");

        var without = await vault.GetAsync("/v1/sys/auth/userpass", await vault.TokenWithPoliciesAsync("mounts"));
        var with = await vault.GetAsync("/v1/sys/auth/userpass", await vault.TokenWithPoliciesAsync("mounts-sudo"));

        without.Status.ShouldBe(HttpStatusCode.Forbidden);
        with.Status.ShouldBe(HttpStatusCode.OK);
        with.Data["type"]!.GetValue<string>().ShouldBe("userpass");
    }
}
