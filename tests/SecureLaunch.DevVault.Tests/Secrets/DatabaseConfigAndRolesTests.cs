using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Secrets;

public sealed class DatabaseConfigAndRolesTests
{
    private static readonly JsonObject Connection = new()
    {
        ["plugin_name"] = "postgresql-database-plugin",
        ["connection_url"] = "postgresql://{{username}}:{{password}}@db:5432/postgres",
        ["username"] = "vault",
        ["password"] = "root-password-never-read-back",
        ["allowed_roles"] = "app,reports-*",
    };

    [Fact]
    public async Task A_connection_reads_back_without_its_password_and_lists()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var write = await vault.PostAsync("/v1/database/config/pg", Connection.DeepClone());
        var read = await vault.GetAsync("/v1/database/config/pg");
        var list = await vault.ListAsync("/v1/database/config");

        write.Status.ShouldBe(HttpStatusCode.NoContent);
        read.Data.ToJsonString().ShouldBe(
            """{"allowed_roles":["app","reports-*"],"connection_details":{"connection_url":"postgresql://{{username}}:{{password}}@db:5432/postgres","username":"vault"},"password_policy":"","plugin_name":"postgresql-database-plugin","plugin_version":"","root_credentials_rotate_statements":[]}""");
        read.Body.ShouldNotContain("root-password-never-read-back");
        list.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["pg"]);
    }

    [Fact]
    public async Task A_role_written_over_the_api_issues_credentials_with_its_ttls_when_its_connection_allows_it()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/database/config/pg", Connection.DeepClone());
        await WriteRoleAsync(vault, "app", "45s", "5m");
        await WriteRoleAsync(vault, "other", "45s", "5m");

        var role = await vault.GetAsync("/v1/database/roles/app");
        var creds = await vault.GetAsync("/v1/database/creds/app");
        var refused = await vault.GetAsync("/v1/database/creds/other");

        role.Data["default_ttl"]!.GetValue<long>().ShouldBe(45);
        role.Data["max_ttl"]!.GetValue<long>().ShouldBe(300);
        role.Data["db_name"]!.GetValue<string>().ShouldBe("pg");
        role.Data["creation_statements"]!.AsArray().Single()!.GetValue<string>().ShouldStartWith("CREATE ROLE");
        creds.Json["lease_duration"]!.GetValue<long>().ShouldBe(45);
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Errors.ShouldBe(["\"other\" is not an allowed role"]);
    }

    [Theory]
    [InlineData("""{"creation_statements":["x"]}""", "empty database name attribute")]
    [InlineData("""{"db_name":"pg"}""", "empty creation statements")]
    [InlineData("""{"db_name":"pg","creation_statements":["x"],"default_ttl":"2h","max_ttl":"1h"}""", "ttl cannot be greater than max_ttl")]
    public async Task A_role_with_missing_or_inconsistent_fields_is_400(string body, string error)
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/database/roles/bad", body);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task Role_writes_need_create_for_a_new_role_and_update_for_an_existing_one()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("updater", """path "database/roles/*" { capabilities = ["update"] }""");
        var token = await vault.TokenWithPoliciesAsync("updater");
        await WriteRoleAsync(vault, "existing", "1m", "2m");

        var create = await vault.PostAsync("/v1/database/roles/new", new JsonObject { ["db_name"] = "pg", ["creation_statements"] = "x" }, token);
        var update = await vault.PostAsync("/v1/database/roles/existing", new JsonObject { ["default_ttl"] = "90s" }, token);

        create.Status.ShouldBe(HttpStatusCode.Forbidden);
        update.Status.ShouldBe(HttpStatusCode.NoContent);
        (await vault.GetAsync("/v1/database/roles/existing")).Data["default_ttl"]!.GetValue<long>().ShouldBe(90);
    }

    [Fact]
    public async Task Deleting_a_role_makes_its_creds_an_unknown_role()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        (await vault.DeleteAsync("/v1/database/roles/app")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await vault.GetAsync("/v1/database/creds/app")).Errors.ShouldBe(["unknown role: app"]);
        (await vault.GetAsync("/v1/database/roles/app")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task WriteRoleAsync(DevVaultHarness vault, string name, string ttl, string maxTtl)
    {
        var call = await vault.PostAsync("/v1/database/roles/" + name, new JsonObject
        {
            ["db_name"] = "pg",
            ["creation_statements"] = new JsonArray("CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}';"),
            ["default_ttl"] = ttl,
            ["max_ttl"] = maxTtl,
        });
        call.Status.ShouldBe(HttpStatusCode.NoContent, call.Body);
    }
}
