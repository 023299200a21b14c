using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Auth.AppRole;

public sealed class AppRoleLoginTests
{
    private const string Invalid = "invalid role or secret ID";

    [Fact]
    public async Task Login_with_role_id_and_secret_id_issues_an_orphan_token_with_the_roles_policies_and_ttl()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var (roleId, secretId) = await RoleAsync(vault, new JsonObject { ["token_policies"] = "app", ["token_ttl"] = "20m", ["token_max_ttl"] = "30m" });

        var login = await vault.PostAsync("/v1/auth/approle/login", new JsonObject { ["role_id"] = roleId, ["secret_id"] = secretId }, token: null);

        login.Status.ShouldBe(HttpStatusCode.OK);
        login.Json["data"].ShouldBeNull();
        var auth = login.Json["auth"]!;
        auth["client_token"]!.GetValue<string>().ShouldStartWith("hvs.");
        auth["lease_duration"]!.GetValue<long>().ShouldBe(1200);
        auth["renewable"]!.GetValue<bool>().ShouldBeTrue();
        auth["orphan"]!.GetValue<bool>().ShouldBeTrue();
        auth["token_policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["app", "default"]);
        auth["metadata"]!["role_name"]!.GetValue<string>().ShouldBe("ci");
        login.Json["mount_type"]!.GetValue<string>().ShouldBe("approle");
        var lookup = await vault.GetAsync("/v1/auth/token/lookup-self", auth["client_token"]!.GetValue<string>());
        lookup.Data["display_name"]!.GetValue<string>().ShouldBe("approle");
        lookup.Data["path"]!.GetValue<string>().ShouldBe("auth/approle/login");
        (await vault.GetAsync("/v1/database/creds/app", auth["client_token"]!.GetValue<string>())).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_login_token_renews_up_to_the_roles_token_max_ttl()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var (roleId, secretId) = await RoleAsync(vault, new JsonObject { ["token_ttl"] = "20m", ["token_max_ttl"] = "30m" });
        var token = await LoginAsync(vault, roleId, secretId);
        vault.Clock.Advance(TimeSpan.FromMinutes(15));

        var renew = await vault.PostAsync("/v1/auth/token/renew-self", new JsonObject { ["increment"] = "1h" }, token);

        renew.Json["auth"]!["lease_duration"]!.GetValue<long>().ShouldBe(900);
        renew.Json["warnings"]!.AsArray().Single()!.GetValue<string>().ShouldContain("exceeded the effective max_ttl of \"15m0s\"");
    }

    [Fact]
    public async Task A_role_with_token_period_issues_periodic_tokens_that_renew_to_the_period()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var (roleId, secretId) = await RoleAsync(vault, new JsonObject { ["token_period"] = "10m", ["token_max_ttl"] = "15m" });
        var token = await LoginAsync(vault, roleId, secretId);
        vault.Clock.Advance(TimeSpan.FromMinutes(9));
        await vault.PostAsync("/v1/auth/token/renew-self", token: token);
        vault.Clock.Advance(TimeSpan.FromMinutes(9));

        var renew = await vault.PostAsync("/v1/auth/token/renew-self", new JsonObject { ["increment"] = "1h" }, token);
        var lookup = await vault.GetAsync("/v1/auth/token/lookup-self", token);

        renew.Json["auth"]!["lease_duration"]!.GetValue<long>().ShouldBe(600);
        lookup.Data["period"]!.GetValue<long>().ShouldBe(600);
        lookup.Data["ttl"]!.GetValue<long>().ShouldBe(600);
    }

    [Fact]
    public async Task A_secret_id_with_num_uses_works_that_many_times()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var (roleId, _) = await RoleAsync(vault, new JsonObject { ["secret_id_num_uses"] = 2 });
        var secretId = (await vault.PostAsync("/v1/auth/approle/role/ci/secret-id", new JsonObject())).Data["secret_id"]!.GetValue<string>();
        var body = new JsonObject { ["role_id"] = roleId, ["secret_id"] = secretId };

        var first = await vault.PostAsync("/v1/auth/approle/login", body, token: null);
        var second = await vault.PostAsync("/v1/auth/approle/login", body.DeepClone(), token: null);
        var third = await vault.PostAsync("/v1/auth/approle/login", body.DeepClone(), token: null);

        first.Status.ShouldBe(HttpStatusCode.OK);
        second.Status.ShouldBe(HttpStatusCode.OK);
        third.Status.ShouldBe(HttpStatusCode.BadRequest);
        third.Errors.ShouldBe([Invalid]);
    }

    [Fact]
    public async Task A_secret_id_past_its_ttl_no_longer_logs_in()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var (roleId, secretId) = await RoleAsync(vault, new JsonObject { ["secret_id_ttl"] = "1m" });

        vault.Clock.Advance(TimeSpan.FromMinutes(1));
        var login = await vault.PostAsync("/v1/auth/approle/login", new JsonObject { ["role_id"] = roleId, ["secret_id"] = secretId }, token: null);

        login.Status.ShouldBe(HttpStatusCode.BadRequest);
        login.Errors.ShouldBe([Invalid]);
    }

    [Theory]
    [InlineData("{}", "missing role_id")]
    [InlineData("{\"role_id\": \"nope\", \"secret_id\": \"x\"}", Invalid)]
    [InlineData("{\"role_id\": \"ci-role\"}", "missing secret_id")]
    [InlineData("{\"role_id\": \"ci-role\", \"secret_id\": \"wrong\"}", Invalid)]
    public async Task Bad_credentials_are_400_worded_as_Vault_words_them(string body, string error)
    {
        await using var vault = await DevVaultHarness.StartAsync(new DevVaultSeed
        {
            AppRoles = new Dictionary<string, DevAppRole> { ["ci"] = new() { RoleId = "ci-role", SecretIds = ["ci-secret"] } },
        });

        var call = await vault.PostAsync("/v1/auth/approle/login", body, token: null);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task A_seeded_role_logs_in_with_its_fixed_ids()
    {
        await using var vault = await DevVaultHarness.StartAsync(new DevVaultSeed
        {
            AppRoles = new Dictionary<string, DevAppRole>
            {
                ["ci"] = new() { RoleId = "ci-role", SecretIds = ["ci-secret"], Token = new DevTokenSettings { Policies = ["app"], Ttl = TimeSpan.FromMinutes(5) } },
            },
        });

        var login = await vault.PostAsync("/v1/auth/approle/login", new JsonObject { ["role_id"] = "ci-role", ["secret_id"] = "ci-secret" }, token: null);

        login.Json["auth"]!["lease_duration"]!.GetValue<long>().ShouldBe(300);
        login.Json["auth"]!["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["app", "default"]);
    }

    [Fact]
    public async Task A_wrapped_secret_id_unwraps_once_and_then_logs_in()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var (roleId, _) = await RoleAsync(vault, new JsonObject());

        var wrapped = await vault.SendAsync(HttpMethod.Post, "/v1/auth/approle/role/ci/secret-id", new JsonObject(), "", "120");
        var info = wrapped.Json["wrap_info"]!;
        var unwrapped = await vault.PostAsync("/v1/sys/wrapping/unwrap", token: info["token"]!.GetValue<string>());
        var again = await vault.PostAsync("/v1/sys/wrapping/unwrap", token: info["token"]!.GetValue<string>());
        var login = await vault.PostAsync("/v1/auth/approle/login", new JsonObject { ["role_id"] = roleId, ["secret_id"] = unwrapped.Data["secret_id"]!.GetValue<string>() }, token: null);

        info["creation_path"]!.GetValue<string>().ShouldBe("auth/approle/role/ci/secret-id");
        wrapped.Body.ShouldNotContain("secret_id_accessor");
        unwrapped.Data["secret_id_accessor"].ShouldNotBeNull();
        again.Status.ShouldBe(HttpStatusCode.BadRequest);
        again.Errors.ShouldBe(["wrapping token is not valid or does not exist"]);
        login.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Secret_ids_are_looked_up_listed_by_accessor_and_destroyed()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var (roleId, _) = await RoleAsync(vault, new JsonObject());
        var issued = (await vault.PostAsync("/v1/auth/approle/role/ci/secret-id", new JsonObject { ["metadata"] = "{ \"tag1\": \"production\" }", ["ttl"] = 600, ["num_uses"] = 50 })).Data;
        var secretId = issued["secret_id"]!.GetValue<string>();

        var lookup = await vault.PostAsync("/v1/auth/approle/role/ci/secret-id/lookup", new JsonObject { ["secret_id"] = secretId });
        var list = await vault.ListAsync("/v1/auth/approle/role/ci/secret-id");
        var destroy = await vault.PostAsync("/v1/auth/approle/role/ci/secret-id/destroy", new JsonObject { ["secret_id"] = secretId });
        var login = await vault.PostAsync("/v1/auth/approle/login", new JsonObject { ["role_id"] = roleId, ["secret_id"] = secretId }, token: null);

        issued["secret_id_ttl"]!.GetValue<long>().ShouldBe(600);
        issued["secret_id_num_uses"]!.GetValue<int>().ShouldBe(50);
        lookup.Data["metadata"]!["tag1"]!.GetValue<string>().ShouldBe("production");
        lookup.Data["expiration_time"]!.GetValue<string>().ShouldBe("2025-03-01T12:10:00Z");
        lookup.Data["secret_id_accessor"]!.GetValue<string>().ShouldBe(issued["secret_id_accessor"]!.GetValue<string>());
        list.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldContain(issued["secret_id_accessor"]!.GetValue<string>());
        destroy.Status.ShouldBe(HttpStatusCode.NoContent);
        login.Errors.ShouldBe([Invalid]);
    }

    [Fact]
    public async Task A_secret_id_for_a_missing_role_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/auth/approle/role/ghost/secret-id", new JsonObject());

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["role \"ghost\" does not exist"]);
    }

    [Fact]
    public async Task A_secret_id_may_not_outlive_or_outuse_the_roles_limits()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await RoleAsync(vault, new JsonObject { ["secret_id_ttl"] = "10m", ["secret_id_num_uses"] = 5 });

        var longer = await vault.PostAsync("/v1/auth/approle/role/ci/secret-id", new JsonObject { ["ttl"] = "1h" });
        var more = await vault.PostAsync("/v1/auth/approle/role/ci/secret-id", new JsonObject { ["num_uses"] = 6 });

        longer.Errors.ShouldBe(["ttl cannot be longer than the role's secret_id_ttl"]);
        more.Errors.ShouldBe(["num_uses cannot be higher than the role's secret_id_num_uses"]);
    }

    [Fact]
    public async Task A_custom_secret_id_logs_in()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var (roleId, _) = await RoleAsync(vault, new JsonObject());

        var custom = await vault.PostAsync("/v1/auth/approle/role/ci/custom-secret-id", new JsonObject { ["secret_id"] = "testsecretid" });
        var login = await vault.PostAsync("/v1/auth/approle/login", new JsonObject { ["role_id"] = roleId, ["secret_id"] = "testsecretid" }, token: null);

        custom.Data["secret_id"]!.GetValue<string>().ShouldBe("testsecretid");
        login.Status.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<(string RoleId, string SecretId)> RoleAsync(DevVaultHarness vault, JsonObject role)
    {
        (await vault.PostAsync("/v1/auth/approle/role/ci", role)).Status.ShouldBe(HttpStatusCode.NoContent);
        var roleId = (await vault.GetAsync("/v1/auth/approle/role/ci/role-id")).Data["role_id"]!.GetValue<string>();
        var secretId = (await vault.PostAsync("/v1/auth/approle/role/ci/secret-id", new JsonObject())).Data["secret_id"]!.GetValue<string>();
        return (roleId, secretId);
    }

    private static async Task<string> LoginAsync(DevVaultHarness vault, string roleId, string secretId) =>
        (await vault.PostAsync("/v1/auth/approle/login", new JsonObject { ["role_id"] = roleId, ["secret_id"] = secretId }, token: null))
            .Json["auth"]!["client_token"]!.GetValue<string>();
}
