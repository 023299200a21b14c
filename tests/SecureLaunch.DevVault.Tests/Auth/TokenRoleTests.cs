using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Auth;

public sealed class TokenRoleTests
{
    [Fact]
    public async Task A_written_role_reads_back_with_every_documented_field()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var body = new JsonObject
        {
            ["allowed_policies"] = "App-A, app-b,app-a",
            ["disallowed_policies"] = new JsonArray("admin"),
            ["orphan"] = true,
            ["renewable"] = true,
            ["token_period"] = "1h",
            ["token_explicit_max_ttl"] = 86400,
            ["path_suffix"] = "rev2",
        };

        var write = await vault.PostAsync("/v1/auth/token/roles/launch", body);
        var read = await vault.GetAsync("/v1/auth/token/roles/launch");

        write.Status.ShouldBe(HttpStatusCode.NoContent);
        read.Status.ShouldBe(HttpStatusCode.OK);
        var data = read.Data.AsObject();
        data.Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(
        [
            "allowed_entity_aliases", "allowed_policies", "allowed_policies_glob", "disallowed_policies", "disallowed_policies_glob",
            "explicit_max_ttl", "name", "orphan", "path_suffix", "period", "renewable", "token_explicit_max_ttl",
            "token_no_default_policy", "token_period", "token_type",
        ]);
        Strings(data["allowed_policies"]).ShouldBe(["app-a", "app-b"]);
        Strings(data["disallowed_policies"]).ShouldBe(["admin"]);
        data["name"]!.GetValue<string>().ShouldBe("launch");
        data["orphan"]!.GetValue<bool>().ShouldBeTrue();
        data["token_period"]!.GetValue<long>().ShouldBe(3600);
        data["period"]!.GetValue<long>().ShouldBe(0);
        data["token_explicit_max_ttl"]!.GetValue<long>().ShouldBe(86400);
        data["path_suffix"]!.GetValue<string>().ShouldBe("rev2");
        data["token_type"]!.GetValue<string>().ShouldBe("default-service");
    }

    [Fact]
    public async Task The_deprecated_period_sets_token_period_and_reads_back_as_written()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        await vault.PostAsync("/v1/auth/token/roles/legacy", new JsonObject { ["period"] = "15m", ["allowed_policies"] = "app" });
        var both = await vault.PostAsync("/v1/auth/token/roles/both", new JsonObject { ["period"] = "15m", ["token_period"] = "5m" });

        var legacy = (await vault.GetAsync("/v1/auth/token/roles/legacy")).Data;
        legacy["period"]!.GetValue<long>().ShouldBe(900);
        legacy["token_period"]!.GetValue<long>().ShouldBe(900);
        both.Status.ShouldBe(HttpStatusCode.OK);
        Strings(both.Json["warnings"]).ShouldBe(["Both 'token_period' and deprecated 'period' value supplied, ignoring the deprecated value"]);
        (await vault.GetAsync("/v1/auth/token/roles/both")).Data["period"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task An_update_keeps_the_fields_it_does_not_name()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["allowed_policies"] = "app", ["orphan"] = true, ["token_period"] = 600 });

        await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["renewable"] = false });

        var data = (await vault.GetAsync("/v1/auth/token/roles/launch")).Data;
        Strings(data["allowed_policies"]).ShouldBe(["app"]);
        data["orphan"]!.GetValue<bool>().ShouldBeTrue();
        data["token_period"]!.GetValue<long>().ShouldBe(600);
        data["renewable"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task List_names_the_roles_and_delete_removes_one()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var empty = await vault.ListAsync("/v1/auth/token/roles");
        await vault.PostAsync("/v1/auth/token/roles/b-role", new JsonObject());
        await vault.PostAsync("/v1/auth/token/roles/a-role", new JsonObject());

        var list = await vault.ListAsync("/v1/auth/token/roles");
        var delete = await vault.DeleteAsync("/v1/auth/token/roles/b-role");

        empty.Status.ShouldBe(HttpStatusCode.NotFound);
        Strings(list.Data["keys"]).ShouldBe(["a-role", "b-role"]);
        delete.Status.ShouldBe(HttpStatusCode.NoContent);
        (await vault.GetAsync("/v1/auth/token/roles/b-role")).Status.ShouldBe(HttpStatusCode.NotFound);
        Strings((await vault.ListAsync("/v1/auth/token/roles")).Data["keys"]).ShouldBe(["a-role"]);
    }

    [Theory]
    [InlineData("{\"path_suffix\": \"a\"}", "given role path suffix contains invalid characters; must match \\w[\\w-.]+\\w")]
    [InlineData("{\"token_num_uses\": -1}", "error parsing role fields: 'token_num_uses' cannot be negative")]
    [InlineData("{\"token_type\": \"weird\"}", "invalid 'token_type' value \"weird\"")]
    [InlineData("{\"orphan\": \"maybe\"}", "error converting input maybe for field \"orphan\"")]
    public async Task A_bad_role_field_is_400(string body, string error)
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/auth/token/roles/launch", body);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task Writing_a_new_role_needs_create_and_changing_one_needs_update()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("role-editor", "path \"auth/token/roles/*\" { capabilities = [\"update\", \"read\"] }");
        var editor = await vault.TokenWithPoliciesAsync("role-editor");
        await vault.PostAsync("/v1/auth/token/roles/existing", new JsonObject());

        var create = await vault.PostAsync("/v1/auth/token/roles/new", new JsonObject(), editor);
        var update = await vault.PostAsync("/v1/auth/token/roles/existing", new JsonObject { ["orphan"] = true }, editor);

        create.Status.ShouldBe(HttpStatusCode.Forbidden);
        update.Status.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Roles_and_the_role_of_a_token_survive_a_seal_in_file_storage()
    {
        var directory = Path.Combine(Path.GetTempPath(), "devvault-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var vault = await DevVaultHarness.StartAsync(configure: o => o with { Storage = "file:" + directory });
            var init = await vault.PutAsync("/v1/sys/init", new JsonObject { ["secret_shares"] = 1, ["secret_threshold"] = 1 }, token: null);
            var key = Strings(init.Json["keys_base64"]).Single();
            var root = init.Json["root_token"]!.GetValue<string>();
            await vault.PutAsync("/v1/sys/unseal", new JsonObject { ["key"] = key }, token: null);
            await vault.PostAsync("/v1/auth/token/roles/launch", new JsonObject { ["allowed_policies"] = "app", ["token_period"] = "1h" }, root);
            var token = (await vault.PostAsync("/v1/auth/token/create/launch", new JsonObject(), root)).Json["auth"]!["client_token"]!.GetValue<string>();

            await vault.PutAsync("/v1/sys/seal", token: root);
            await vault.PutAsync("/v1/sys/unseal", new JsonObject { ["key"] = key }, token: null);

            Strings((await vault.GetAsync("/v1/auth/token/roles/launch", root)).Data["allowed_policies"]).ShouldBe(["app"]);
            (await vault.GetAsync("/v1/auth/token/lookup-self", token)).Data["role"]!.GetValue<string>().ShouldBe("launch");
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static List<string> Strings(JsonNode? node) => [.. node!.AsArray().Select(n => n!.GetValue<string>())];
}
