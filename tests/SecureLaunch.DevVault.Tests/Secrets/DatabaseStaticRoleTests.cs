using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Secrets;

public sealed class DatabaseStaticRoleTests
{
    [Fact]
    public async Task Static_credentials_have_no_lease_and_a_ttl_counting_down_to_the_next_rotation()
    {
        await using var vault = await StartAsync();
        vault.Clock.Advance(TimeSpan.FromMinutes(10));

        var creds = await vault.GetAsync("/v1/database/static-creds/report");

        creds.Status.ShouldBe(HttpStatusCode.OK);
        creds.Json["lease_id"]!.GetValue<string>().ShouldBeEmpty();
        creds.Json["lease_duration"]!.GetValue<long>().ShouldBe(0);
        creds.Json["renewable"]!.GetValue<bool>().ShouldBeFalse();
        creds.Data.AsObject().Select(p => p.Key).ShouldBe(["last_vault_rotation", "password", "rotation_period", "ttl", "username"]);
        creds.Data["username"]!.GetValue<string>().ShouldBe("report_user");
        creds.Data["rotation_period"]!.GetValue<long>().ShouldBe(3600);
        creds.Data["ttl"]!.GetValue<long>().ShouldBe(3000);
        creds.Data["last_vault_rotation"]!.GetValue<string>().ShouldBe("2025-03-01T12:00:00Z");
        vault.Server.Leases.ShouldBeEmpty();
        DevVaultCounters.Of(vault.Server.Counters.CredentialsIssued, "database-static").ShouldBe(1);
    }

    [Fact]
    public async Task The_password_rotates_each_rotation_period_on_the_servers_clock()
    {
        await using var vault = await StartAsync();
        var first = await PasswordAsync(vault);
        vault.Clock.Advance(TimeSpan.FromMinutes(59));
        var same = await PasswordAsync(vault);
        vault.Clock.Advance(TimeSpan.FromMinutes(2));

        var rotated = await vault.GetAsync("/v1/database/static-creds/report");

        same.ShouldBe(first);
        rotated.Data["password"]!.GetValue<string>().ShouldNotBe(first);
        rotated.Data["last_vault_rotation"]!.GetValue<string>().ShouldBe("2025-03-01T13:00:00Z");
        rotated.Data["ttl"]!.GetValue<long>().ShouldBe(3540);
    }

    [Fact]
    public async Task A_static_credential_lease_cannot_be_renewed_because_there_is_none()
    {
        await using var vault = await StartAsync();

        var renew = await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = "database/static-creds/report" });

        renew.Status.ShouldBe(HttpStatusCode.BadRequest);
        renew.Errors.ShouldBe(["lease not found"]);
    }

    [Theory]
    [InlineData("""{"db_name":"pg","rotation_period":"1h"}""", "username is a required field to create a static account")]
    [InlineData("""{"db_name":"pg","username":"u"}""", "rotation_period is required to create static accounts")]
    [InlineData("""{"db_name":"pg","username":"u","rotation_period":"2s"}""", "rotation_period must be 5 seconds or more")]
    public async Task A_static_role_needs_a_username_and_a_rotation_period_of_5s_or_more(string body, string error)
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/database/static-roles/bad", body);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task A_static_roles_username_cannot_change_and_it_reads_back_and_lists()
    {
        await using var vault = await StartAsync();

        var rename = await vault.PostAsync("/v1/database/static-roles/report", new JsonObject { ["username"] = "someone_else" });
        var read = await vault.GetAsync("/v1/database/static-roles/report");
        var list = await vault.ListAsync("/v1/database/static-roles");

        rename.Errors.ShouldBe(["cannot update static account username"]);
        read.Data["username"]!.GetValue<string>().ShouldBe("report_user");
        read.Data["credential_type"]!.GetValue<string>().ShouldBe("password");
        read.Body.ShouldNotContain("password\":\"");
        list.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["report"]);
    }

    private static async Task<DevVaultHarness> StartAsync()
    {
        var vault = await DevVaultHarness.StartAsync();
        var write = await vault.PostAsync("/v1/database/static-roles/report", new JsonObject { ["db_name"] = "pg", ["username"] = "report_user", ["rotation_period"] = "1h" });
        write.Status.ShouldBe(HttpStatusCode.NoContent, write.Body);
        return vault;
    }

    private static async Task<string> PasswordAsync(DevVaultHarness vault) =>
        (await vault.GetAsync("/v1/database/static-creds/report")).Data["password"]!.GetValue<string>();
}
