using System.Net;
using System.Text.Json;
using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Secrets;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Integration;

/// <summary>Every auth method against the embedded dev Vault: logs in, reads what its policy allows, fails cleanly.</summary>
public sealed class AuthDevVaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Methods => ["approle", "userpass", "jwt", "kubernetes"];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Each_method_logs_in_and_its_token_reads_what_its_policy_allows_and_no_more(string method)
    {
        await using var vault = await AuthDevVault.StartAsync(Ct);
        using var client = AuthDevVault.ClientFor(vault);

        var login = await client.LoginAsync(Method(method), Ct);
        var secret = await client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct);
        var denied = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretAsync(new SecretRequest { Path = "secret/other" }, Ct));

        login.Method.ShouldBe(method);
        login.CreatedByLogin.ShouldBeTrue();
        login.Policies.ShouldContain("app-read");
        login.Accessor.ShouldNotBeNullOrEmpty();
        login.LeaseDuration.ShouldBe(TimeSpan.FromMinutes(10));
        login.Renewable.ShouldBeTrue();
        secret.Data["api_key"].GetString().ShouldBe(AuthDevVault.ApiKey);
        denied.Kind.ShouldBe(VaultErrorKind.PermissionDenied);
        denied.Message.ShouldStartWith("Permission denied: Vault answered GET secret/");
        denied.Message.ShouldContain("other");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Each_method_fails_cleanly_with_bad_credentials(string method)
    {
        await using var vault = await AuthDevVault.StartAsync(Ct);
        using var client = AuthDevVault.ClientFor(vault);
        VaultAuthMethod bad = method switch
        {
            "approle" => new AppRoleAuth { RoleId = AuthDevVault.RoleId, SecretId = "wrong-secret-id" },
            "userpass" => new UserpassAuth { Username = "ci", Password = "wrong-password" },
            "jwt" => new JwtAuth { Role = "ci", Jwt = "not-a.valid.jwt" },
            _ => new KubernetesAuth { Role = "web", Jwt = new SecureLaunch.DevVault.DevKubernetesServiceAccount("web", "prod").CreateToken() },
        };

        var error = await Should.ThrowAsync<VaultApiException>(() => client.LoginAsync(bad, Ct));

        error.Kind.ShouldBe(VaultErrorKind.LoginRejected);
        error.Message.ShouldStartWith($"Login refused: Vault answered POST auth/{method}/login");
        error.Errors.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_jwt_for_another_audience_is_refused()
    {
        await using var vault = await AuthDevVault.StartAsync(Ct);
        using var client = AuthDevVault.ClientFor(vault);

        var error = await Should.ThrowAsync<VaultApiException>(() => client.LoginAsync(new JwtAuth { Jwt = AuthDevVault.MintJwt(audience: "someone-else") }, Ct));

        error.Kind.ShouldBe(VaultErrorKind.LoginRejected);
    }

    [Fact]
    public async Task A_wrapped_secret_id_logs_in_once_and_the_second_use_says_it_was_already_unwrapped()
    {
        await using var vault = await AuthDevVault.StartAsync(Ct);
        using var client = AuthDevVault.ClientFor(vault);
        var wrapped = await WrappedSecretIdAsync(vault);

        var info = await client.LookupWrappingTokenAsync(wrapped, Ct);
        var login = await client.LoginAsync(new AppRoleAuth { RoleId = AuthDevVault.RoleId, WrappedSecretId = wrapped }, Ct);
        using var second = AuthDevVault.ClientFor(vault);
        var error = await Should.ThrowAsync<VaultApiException>(
            () => second.LoginAsync(new AppRoleAuth { RoleId = AuthDevVault.RoleId, WrappedSecretId = wrapped }, Ct));

        info.CreationPath.ShouldBe("auth/approle/role/app/secret-id");
        info.CreationTtl.ShouldBe(TimeSpan.FromMinutes(2));
        login.Policies.ShouldContain("app-read");
        error.Kind.ShouldBe(VaultErrorKind.WrappingTokenInvalid);
        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.Message.ShouldContain("the wrapped secret-id was already unwrapped, possibly by someone else");
        error.ToString().ShouldNotContain(wrapped);
    }

    [Fact]
    public async Task A_given_token_is_looked_up_not_minted()
    {
        await using var vault = await AuthDevVault.StartAsync(Ct);
        using var client = AuthDevVault.ClientFor(vault);

        var login = await client.LoginAsync(new TokenAuth { Token = vault.RootToken }, Ct);

        login.CreatedByLogin.ShouldBeFalse();
        login.Policies.ShouldContain("root");
        (await client.GetCapabilitiesSelfAsync(["secret/data/anything"], Ct))["secret/data/anything"].ShouldBe(["root"]);
    }

    [Fact]
    public async Task A_login_token_renews_itself_reports_its_capabilities_and_revokes_itself()
    {
        await using var vault = await AuthDevVault.StartAsync(Ct);
        using var client = AuthDevVault.ClientFor(vault);
        await client.LoginAsync(new UserpassAuth { Username = "ci", Password = AuthDevVault.Password }, Ct);

        var renewal = await client.RenewSelfAsync(TimeSpan.FromMinutes(30), Ct);
        var path = await client.ResolveSecretPathAsync(new SecretRequest { Path = "secret/app" }, Ct);
        var capabilities = await client.GetCapabilitiesSelfAsync([path, "secret/data/other", "database/creds/app"], Ct);
        await client.RevokeSelfAsync(Ct);
        var afterRevoke = await Should.ThrowAsync<VaultApiException>(() => client.LookupSelfAsync(Ct));

        renewal.LeaseDuration.ShouldBe(TimeSpan.FromMinutes(30));
        renewal.Renewable.ShouldBeTrue();
        path.ShouldBe("secret/data/app");
        capabilities[path].ShouldBe(["read"]);
        capabilities["secret/data/other"].ShouldBe(["deny"]);
        capabilities["database/creds/app"].ShouldBe(["deny"]);
        afterRevoke.Kind.ShouldBe(VaultErrorKind.PermissionDenied);
    }

    [Fact]
    public async Task A_renewal_past_the_max_ttl_is_capped_and_vault_says_how_long()
    {
        await using var vault = await AuthDevVault.StartAsync(Ct);
        using var client = AuthDevVault.ClientFor(vault);
        await client.LoginAsync(new AppRoleAuth { RoleId = AuthDevVault.RoleId, SecretId = AuthDevVault.SecretId }, Ct);

        var renewal = await client.RenewSelfAsync(TimeSpan.FromHours(5), Ct);

        renewal.LeaseDuration.ShouldBeLessThanOrEqualTo(TimeSpan.FromHours(1));
        renewal.LeaseDuration.ShouldBeGreaterThan(TimeSpan.FromMinutes(50));
    }

    /// <summary>
    /// A wrapped secret-id as an operator would hand one over: <c>X-Vault-Wrap-TTL</c> on <c>.../secret-id</c>. The
    /// client has no wrapping request of its own (SecureLaunch only consumes wrapped secret-ids), so raw HTTP.
    /// </summary>
    private static async Task<string> WrappedSecretIdAsync(SecureLaunch.DevVault.DevVaultServer vault)
    {
        using var http = new HttpClient { BaseAddress = vault.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/auth/approle/role/app/secret-id") { Content = new StringContent("{}") };
        request.Headers.Add("X-Vault-Token", vault.RootToken);
        request.Headers.Add("X-Vault-Wrap-TTL", "2m");
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("wrap_info").GetProperty("token").GetString()!;
    }

    private static VaultAuthMethod Method(string method) => method switch
    {
        "approle" => new AppRoleAuth { RoleId = AuthDevVault.RoleId, SecretId = AuthDevVault.SecretId },
        "userpass" => new UserpassAuth { Username = "ci", Password = AuthDevVault.Password },
        "jwt" => new JwtAuth { Role = "ci", Jwt = AuthDevVault.MintJwt() },
        _ => new KubernetesAuth { Role = "web", Jwt = AuthDevVault.ServiceAccountJwt },
    };
}
