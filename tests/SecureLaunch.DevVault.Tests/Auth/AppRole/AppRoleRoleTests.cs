using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Auth.AppRole;

public sealed class AppRoleRoleTests
{
    [Fact]
    public async Task A_role_is_created_with_204_and_read_back_with_the_documented_fields()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var body = new JsonObject { ["token_ttl"] = "10m", ["token_max_ttl"] = "15m", ["token_policies"] = new JsonArray("app"), ["secret_id_ttl"] = 600, ["secret_id_num_uses"] = 40 };

        var create = await vault.PostAsync("/v1/auth/approle/role/Application1", body);
        var read = await vault.GetAsync("/v1/auth/approle/role/application1");

        create.Status.ShouldBe(HttpStatusCode.NoContent);
        read.Status.ShouldBe(HttpStatusCode.OK);
        read.Json["mount_type"]!.GetValue<string>().ShouldBe("approle");
        var data = read.Data.AsObject();
        data.Select(p => p.Key).Order().ShouldBe(
        [
            "bind_secret_id", "local_secret_ids", "secret_id_bound_cidrs", "secret_id_num_uses", "secret_id_ttl", "token_bound_cidrs",
            "token_explicit_max_ttl", "token_max_ttl", "token_no_default_policy", "token_num_uses", "token_period", "token_policies",
            "token_ttl", "token_type",
        ]);
        data["token_ttl"]!.GetValue<long>().ShouldBe(600);
        data["token_max_ttl"]!.GetValue<long>().ShouldBe(900);
        data["secret_id_ttl"]!.GetValue<long>().ShouldBe(600);
        data["secret_id_num_uses"]!.GetValue<int>().ShouldBe(40);
        data["bind_secret_id"]!.GetValue<bool>().ShouldBeTrue();
        data["token_policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["app"]);
        data["token_type"]!.GetValue<string>().ShouldBe("default");
    }

    [Fact]
    public async Task The_deprecated_policies_and_period_fields_are_echoed_back()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        await vault.PostAsync("/v1/auth/approle/role/old", new JsonObject { ["policies"] = "a,b", ["period"] = "1h" });
        var data = (await vault.GetAsync("/v1/auth/approle/role/old")).Data;

        data["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["a", "b"]);
        data["token_policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["a", "b"]);
        data["period"]!.GetValue<long>().ShouldBe(3600);
        data["token_period"]!.GetValue<long>().ShouldBe(3600);
    }

    [Fact]
    public async Task Roles_are_listed_read_404_when_missing_and_deleted_with_204()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/approle/role/b", new JsonObject());
        await vault.PostAsync("/v1/auth/approle/role/a", new JsonObject());

        var list = await vault.ListAsync("/v1/auth/approle/role");
        var delete = await vault.DeleteAsync("/v1/auth/approle/role/a");
        var missing = await vault.GetAsync("/v1/auth/approle/role/a");

        list.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["a", "b"]);
        delete.Status.ShouldBe(HttpStatusCode.NoContent);
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{\"bind_secret_id\": false}", "at least one constraint should be enabled on the role")]
    [InlineData("{\"token_ttl\": \"2h\", \"token_max_ttl\": \"1h\"}", "'token_ttl' cannot be greater than 'token_max_ttl'")]
    [InlineData("{\"secret_id_num_uses\": -1}", "secret_id_num_uses cannot be negative")]
    [InlineData("{\"token_ttl\": \"soon\"}", "error converting input soon for field \"token_ttl\"")]
    public async Task Bad_role_parameters_are_400(string body, string error)
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/auth/approle/role/bad", body);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task The_role_id_is_read_and_can_be_set_to_a_custom_value()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/approle/role/app", new JsonObject());

        var generated = await vault.GetAsync("/v1/auth/approle/role/app/role-id");
        var set = await vault.PostAsync("/v1/auth/approle/role/app/role-id", new JsonObject { ["role_id"] = "custom-role-id" });
        var after = await vault.GetAsync("/v1/auth/approle/role/app/role-id");

        Guid.TryParse(generated.Data["role_id"]!.GetValue<string>(), out _).ShouldBeTrue();
        set.Status.ShouldBe(HttpStatusCode.NoContent);
        after.Data["role_id"]!.GetValue<string>().ShouldBe("custom-role-id");
    }

    [Fact]
    public async Task Writing_a_role_needs_create_when_new_and_update_when_it_exists()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("updater", """path "auth/approle/role/*" { capabilities = ["update"] }""");
        await vault.PostAsync("/v1/auth/approle/role/existing", new JsonObject());
        var token = await vault.TokenWithPoliciesAsync("updater");

        (await vault.PostAsync("/v1/auth/approle/role/existing", new JsonObject { ["token_ttl"] = 60 }, token)).Status.ShouldBe(HttpStatusCode.NoContent);
        (await vault.PostAsync("/v1/auth/approle/role/fresh", new JsonObject(), token)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
