using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Secrets;

public sealed class DatabaseTests
{
    [Fact]
    public async Task Database_creds_issue_a_fresh_user_under_a_renewable_lease_of_the_role_ttl()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var first = await vault.GetAsync("/v1/database/creds/app");
        var second = await vault.GetAsync("/v1/database/creds/app");

        first.Status.ShouldBe(HttpStatusCode.OK);
        first.Json["mount_type"]!.GetValue<string>().ShouldBe("database");
        first.Json["renewable"]!.GetValue<bool>().ShouldBeTrue();
        first.Json["lease_duration"]!.GetValue<long>().ShouldBe(30);
        first.Json["lease_id"]!.GetValue<string>().ShouldMatch("^database/creds/app/[A-Za-z0-9]{24}$");
        first.Data.AsObject().Select(p => p.Key).ShouldBe(["password", "username"]);
        first.Data["username"]!.GetValue<string>().ShouldMatch("^v-root-app-[A-Za-z0-9]{20}-[0-9]+$");
        first.Data["password"]!.GetValue<string>().Length.ShouldBe(20);
        second.Data["username"]!.GetValue<string>().ShouldNotBe(first.Data["username"]!.GetValue<string>());
        second.Json["lease_id"]!.GetValue<string>().ShouldNotBe(first.Json["lease_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Database_creds_lease_is_capped_by_the_role_max_ttl()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        (await vault.GetAsync("/v1/database/creds/long")).Json["lease_duration"]!.GetValue<long>().ShouldBe(600);
    }

    [Fact]
    public async Task Database_creds_for_an_unknown_role_is_400_unknown_role()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var call = await vault.GetAsync("/v1/database/creds/nope");

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["unknown role: nope"]);
    }

    [Fact]
    public async Task Database_creds_usernames_carry_the_callers_display_name()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var token = await vault.CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray("app") });

        var call = await vault.GetAsync("/v1/database/creds/app", token);

        call.Data["username"]!.GetValue<string>().ShouldStartWith("v-token-app-");
    }

    [Fact]
    public async Task Database_role_read_has_the_documented_fields()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var call = await vault.GetAsync("/v1/database/roles/app");

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Data.AsObject().Select(p => p.Key).ShouldBe(
        [
            "creation_statements", "credential_type", "db_name", "default_ttl", "max_ttl",
            "renew_statements", "revocation_statements", "rollback_statements",
        ]);
        call.Data["default_ttl"]!.GetValue<long>().ShouldBe(30);
        call.Data["max_ttl"]!.GetValue<long>().ShouldBe(120);
        call.Data["credential_type"]!.GetValue<string>().ShouldBe("password");
        call.Data["creation_statements"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Database_role_read_of_a_missing_role_is_404_and_roles_list()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var missing = await vault.GetAsync("/v1/database/roles/nope");
        var list = await vault.ListAsync("/v1/database/roles");

        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        list.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["app", "long"]);
    }

    [Fact]
    public async Task Database_creds_with_POST_is_405_unsupported_operation()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var call = await vault.PostAsync("/v1/database/creds/app");

        call.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        call.Errors.ShouldBe(["1 error occurred:\n\t* unsupported operation\n\n"]);
    }
}
