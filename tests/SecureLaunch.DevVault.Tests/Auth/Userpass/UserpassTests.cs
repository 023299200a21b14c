using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Auth.Userpass;

public sealed class UserpassTests
{
    [Fact]
    public async Task A_user_is_created_with_204_and_read_back_without_the_password()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var create = await vault.PostAsync("/v1/auth/userpass/users/Mitchellh", new JsonObject { ["password"] = "superSecretPassword", ["token_policies"] = new JsonArray("admin", "default") });
        var read = await vault.GetAsync("/v1/auth/userpass/users/mitchellh");

        create.Status.ShouldBe(HttpStatusCode.NoContent);
        read.Data.AsObject().Select(p => p.Key).Order().ShouldBe(
        [
            "token_bound_cidrs", "token_explicit_max_ttl", "token_max_ttl", "token_no_default_policy", "token_num_uses", "token_period",
            "token_policies", "token_ttl", "token_type",
        ]);
        read.Data["token_policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["admin", "default"]);
        read.Body.ShouldNotContain("superSecretPassword");
    }

    [Fact]
    public async Task Login_issues_a_token_named_after_the_user_with_its_policies_and_ttl()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/userpass/users/alice", new JsonObject { ["password"] = "pw-1", ["token_policies"] = "dev", ["token_ttl"] = "1h" });

        var login = await vault.PostAsync("/v1/auth/userpass/login/Alice", new JsonObject { ["password"] = "pw-1" }, token: null);
        var token = login.Json["auth"]!["client_token"]!.GetValue<string>();
        var lookup = await vault.GetAsync("/v1/auth/token/lookup-self", token);

        login.Status.ShouldBe(HttpStatusCode.OK);
        login.Json["auth"]!["lease_duration"]!.GetValue<long>().ShouldBe(3600);
        login.Json["auth"]!["metadata"]!["username"]!.GetValue<string>().ShouldBe("alice");
        login.Json["auth"]!["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["default", "dev"]);
        lookup.Data["display_name"]!.GetValue<string>().ShouldBe("userpass-alice");
        lookup.Data["path"]!.GetValue<string>().ShouldBe("auth/userpass/login/Alice");
    }

    [Theory]
    [InlineData("alice", "wrong")]
    [InlineData("nobody", "pw-1")]
    public async Task A_wrong_password_or_unknown_user_is_400_invalid_username_or_password(string user, string password)
    {
        await using var vault = await DevVaultHarness.StartAsync(new DevVaultSeed
        {
            UserpassUsers = new Dictionary<string, DevUserpassUser> { ["alice"] = new("pw-1") },
        });

        var call = await vault.PostAsync($"/v1/auth/userpass/login/{user}", new JsonObject { ["password"] = password }, token: null);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["invalid username or password"]);
    }

    [Fact]
    public async Task A_login_without_a_password_is_Vaults_internal_error()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/auth/userpass/login/alice", new JsonObject(), token: null);

        call.Status.ShouldBe(HttpStatusCode.InternalServerError);
        call.Errors.ShouldBe(["missing password"]);
    }

    [Fact]
    public async Task Creating_a_user_without_a_password_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/auth/userpass/users/bob", new JsonObject { ["token_policies"] = "x" });

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["missing password"]);
    }

    [Fact]
    public async Task The_password_and_policies_endpoints_change_what_the_next_login_gets()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/auth/userpass/users/carol", new JsonObject { ["password"] = "old" });

        var password = await vault.PostAsync("/v1/auth/userpass/users/carol/password", new JsonObject { ["password"] = "new" });
        var policies = await vault.PostAsync("/v1/auth/userpass/users/carol/policies", new JsonObject { ["token_policies"] = new JsonArray("p1", "p2") });
        var oldLogin = await vault.PostAsync("/v1/auth/userpass/login/carol", new JsonObject { ["password"] = "old" }, token: null);
        var newLogin = await vault.PostAsync("/v1/auth/userpass/login/carol", new JsonObject { ["password"] = "new" }, token: null);

        password.Status.ShouldBe(HttpStatusCode.NoContent);
        policies.Status.ShouldBe(HttpStatusCode.NoContent);
        oldLogin.Status.ShouldBe(HttpStatusCode.BadRequest);
        newLogin.Json["auth"]!["token_policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["default", "p1", "p2"]);
    }

    [Fact]
    public async Task Users_are_listed_and_deleted()
    {
        await using var vault = await DevVaultHarness.StartAsync(new DevVaultSeed
        {
            UserpassUsers = new Dictionary<string, DevUserpassUser> { ["mitchellh"] = new("a"), ["armon"] = new("b") },
        });

        var list = await vault.ListAsync("/v1/auth/userpass/users");
        var delete = await vault.DeleteAsync("/v1/auth/userpass/users/armon");
        var login = await vault.PostAsync("/v1/auth/userpass/login/armon", new JsonObject { ["password"] = "b" }, token: null);

        list.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["armon", "mitchellh"]);
        delete.Status.ShouldBe(HttpStatusCode.NoContent);
        login.Errors.ShouldBe(["invalid username or password"]);
    }

    [Fact]
    public async Task A_seeded_user_logs_in_with_its_token_settings()
    {
        await using var vault = await DevVaultHarness.StartAsync(new DevVaultSeed
        {
            UserpassUsers = new Dictionary<string, DevUserpassUser>
            {
                ["dev"] = new("s3cret") { Token = new DevTokenSettings { Policies = ["app"], Ttl = TimeSpan.FromMinutes(10), NoDefaultPolicy = true } },
            },
        });

        var login = await vault.PostAsync("/v1/auth/userpass/login/dev", new JsonObject { ["password"] = "s3cret" }, token: null);

        login.Json["auth"]!["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["app"]);
        login.Json["auth"]!["lease_duration"]!.GetValue<long>().ShouldBe(600);
    }
}
