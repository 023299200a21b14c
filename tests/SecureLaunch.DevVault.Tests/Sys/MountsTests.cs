using System.Net;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Sys;

public sealed class MountsTests
{
    [Fact]
    public async Task Sys_mounts_lists_each_mount_with_type_and_options_in_the_envelope()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/sys/mounts");

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Json["mount_type"]!.GetValue<string>().ShouldBe("system");
        var data = call.Data.AsObject();
        data.Select(p => p.Key).ShouldBe(["database/", "kv/", "pki/", "secret/", "sys/"], ignoreOrder: true);
        data["secret/"]!["type"]!.GetValue<string>().ShouldBe("kv");
        data["secret/"]!["options"]!["version"]!.GetValue<string>().ShouldBe("2");
        data["kv/"]!["options"]!["version"]!.GetValue<string>().ShouldBe("1");
        data["database/"]!["type"]!.GetValue<string>().ShouldBe("database");
        data["sys/"]!["options"].ShouldBeNull();
        data["secret/"]!["config"]!["default_lease_ttl"]!.GetValue<int>().ShouldBe(0);
        data["secret/"]!["accessor"]!.GetValue<string>().ShouldStartWith("kv_");
    }

    [Theory]
    [InlineData("secret/myapp/stripe", "secret/", "kv", "2")]
    [InlineData("secret", "secret/", "kv", "2")]
    [InlineData("kv/legacy/thing", "kv/", "kv", "1")]
    public async Task Ui_mount_preflight_reports_the_kv_mount_and_version_of_a_path(string path, string mount, string type, string version)
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/sys/internal/ui/mounts/" + path);

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Data["path"]!.GetValue<string>().ShouldBe(mount);
        call.Data["type"]!.GetValue<string>().ShouldBe(type);
        call.Data["options"]!["version"]!.GetValue<string>().ShouldBe(version);
    }

    [Fact]
    public async Task Ui_mount_preflight_reports_database_with_null_options()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/sys/internal/ui/mounts/database/creds/app");

        call.Data["type"]!.GetValue<string>().ShouldBe("database");
        call.Data["options"].ShouldBeNull();
        call.Data["path"]!.GetValue<string>().ShouldBe("database/");
    }

    [Fact]
    public async Task Ui_mount_preflight_of_an_unmounted_path_is_403_as_Vault_hides_mounts()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/sys/internal/ui/mounts/nowhere/x");

        call.Status.ShouldBe(HttpStatusCode.Forbidden);
        call.Errors.ShouldBe(["preflight capability check returned 403, please ensure client's policies grant access to path \"nowhere/x/\""]);
    }

    [Fact]
    public async Task Ui_mounts_without_a_path_lists_auth_and_secret_mounts()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/sys/internal/ui/mounts");

        call.Data["auth"]!["token/"]!["type"]!.GetValue<string>().ShouldBe("token");
        call.Data["secret"]!["secret/"]!["type"]!.GetValue<string>().ShouldBe("kv");
    }
}
