using System.Net;
using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Auth;

/// <summary>Each login against its reference page's sample response, through the JSON layer.</summary>
public sealed class LoginTests
{
    private const string SecretId = "84896a0c-1347-aa90-a4f6-aca8b7558780";
    private const string RoleId = "59d6d1ca-47bb-4e7e-a40b-8be3bc5a0ba8";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppRole_posts_role_id_and_secret_id_without_a_token_and_reads_the_auth_block()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/approle/login", CannedResponse.Ok(AuthSamples.AppRoleLogin));

        var login = await vault.Client.LoginAsync(new AppRoleAuth { RoleId = RoleId, SecretId = SecretId }, Ct);

        var sent = vault.Handler.Requests.Single();
        sent.Header("X-Vault-Token").ShouldBeNull();
        sent.Json.GetProperty("role_id").GetString().ShouldBe(RoleId);
        sent.Json.GetProperty("secret_id").GetString().ShouldBe(SecretId);
        login.ClientToken.ShouldBe("5b1a0318-679c-9c45-e5c6-d1b9a9035d49");
        login.Accessor.ShouldBe("fd6c9a00-d2dc-3b11-0be5-af7ae0e1d374");
        login.Policies.ShouldBe(["default"]);
        login.TokenPolicies.ShouldBe(["default"]);
        login.LeaseDuration.ShouldBe(TimeSpan.FromSeconds(1200));
        login.Renewable.ShouldBeTrue();
        login.Method.ShouldBe("approle");
        login.Mount.ShouldBe("approle");
        login.CreatedByLogin.ShouldBeTrue();
        login.ObtainedAt.ShouldBe(TestClient.Start);
        login.ExpiresAt.ShouldBe(TestClient.Start.AddSeconds(1200));
    }

    [Fact]
    public async Task After_a_login_every_request_carries_the_new_token()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/approle/login", CannedResponse.Ok(AuthSamples.AppRoleLogin));
        vault.Handler.On("GET", "/v1/auth/token/lookup-self", CannedResponse.Ok(Samples.LookupSelf));

        await vault.Client.LoginAsync(new AppRoleAuth { RoleId = RoleId, SecretId = SecretId }, Ct);
        await vault.Client.LookupSelfAsync(Ct);

        vault.Handler.Requests[^1].Header("X-Vault-Token").ShouldBe("5b1a0318-679c-9c45-e5c6-d1b9a9035d49");
    }

    [Fact]
    public async Task A_login_does_not_carry_the_previous_token()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/auth/approle/login", CannedResponse.Ok(AuthSamples.AppRoleLogin));

        await vault.Client.LoginAsync(new AppRoleAuth { RoleId = RoleId, SecretId = SecretId }, Ct);

        vault.Handler.Requests.Single().Header("X-Vault-Token").ShouldBeNull();
    }

    [Fact]
    public async Task Ids_and_tokens_read_from_files_lose_their_line_break_but_a_password_keeps_its_spaces()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/approle/login", CannedResponse.Ok(AuthSamples.AppRoleLogin));
        vault.Handler.On("POST", "/v1/auth/userpass/login/u", CannedResponse.Ok(AuthSamples.UserpassLogin));
        vault.Handler.On("GET", "/v1/auth/token/lookup-self", CannedResponse.Ok(Samples.LookupSelf));

        await vault.Client.LoginAsync(new AppRoleAuth { RoleId = RoleId + "\n", SecretId = SecretId + "\r\n" }, Ct);
        await vault.Client.LoginAsync(new UserpassAuth { Username = "u", Password = " pass phrase " }, Ct);
        var token = await vault.Client.LoginAsync(new TokenAuth { Token = "hvs.from-file\n" }, Ct);

        vault.Handler.Requests[0].Json.GetProperty("role_id").GetString().ShouldBe(RoleId);
        vault.Handler.Requests[0].Json.GetProperty("secret_id").GetString().ShouldBe(SecretId);
        vault.Handler.Requests[1].Json.GetProperty("password").GetString().ShouldBe(" pass phrase ");
        vault.Handler.Requests[2].Header("X-Vault-Token").ShouldBe("hvs.from-file");
        token.ClientToken.ShouldBe("hvs.from-file");
    }

    [Fact]
    public async Task AppRole_without_a_secret_id_leaves_it_out_for_a_role_without_bind_secret_id()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/approle/login", CannedResponse.Ok(AuthSamples.AppRoleLogin));

        await vault.Client.LoginAsync(new AppRoleAuth { RoleId = RoleId }, Ct);

        vault.Handler.Requests.Single().Json.TryGetProperty("secret_id", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("ci-approle")]
    [InlineData("/ci-approle/")]
    [InlineData("auth/ci-approle")]
    public async Task The_mount_can_be_overridden(string mount)
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/ci-approle/login", CannedResponse.Ok(AuthSamples.AppRoleLogin));

        var login = await vault.Client.LoginAsync(new AppRoleAuth { RoleId = RoleId, SecretId = SecretId, Mount = mount }, Ct);

        login.Mount.ShouldBe("ci-approle");
        vault.Handler.Requests.Single().PathAndQuery.ShouldBe("/v1/auth/ci-approle/login");
    }

    [Fact]
    public async Task Userpass_posts_the_password_to_the_users_login_path_and_reads_the_full_auth_block()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/userpass/login/mitchellh", CannedResponse.Ok(AuthSamples.UserpassLogin));

        var login = await vault.Client.LoginAsync(new UserpassAuth { Username = "mitchellh", Password = "superSecretPassword2" }, Ct);

        vault.Handler.Requests.Single().Json.GetProperty("password").GetString().ShouldBe("superSecretPassword2");
        login.Accessor.ShouldBe("iP2Lw1JXpjlALbgJSeIx51n7");
        login.Policies.ShouldBe(["default", "policy1", "policy2"]);
        login.Metadata["username"].ShouldBe("mitchellh");
        login.LeaseDuration.ShouldBe(TimeSpan.FromSeconds(2764800));
        login.EntityId.ShouldBe("0660dce5-4f2c-926a-8b15-158901557d9d");
        login.TokenType.ShouldBe("service");
        login.Orphan.ShouldBeTrue();
        login.ClientToken.ShouldStartWith("hvs.CAESIJyeFmhLYRWV");
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData(" user")]
    [InlineData("")]
    public async Task A_user_name_that_would_change_the_path_is_refused_before_sending(string username)
    {
        using var vault = TestClient.WithoutToken();

        await Should.ThrowAsync<ArgumentException>(() => vault.Client.LoginAsync(new UserpassAuth { Username = username, Password = "pw" }, Ct));

        vault.Handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Jwt_posts_role_and_jwt()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/jwt/login", CannedResponse.Ok(AuthSamples.JwtLogin));

        var login = await vault.Client.LoginAsync(new JwtAuth { Role = "dev-role", Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.sig\n" }, Ct);

        var body = vault.Handler.Requests.Single().Json;
        body.GetProperty("role").GetString().ShouldBe("dev-role");
        body.GetProperty("jwt").GetString().ShouldBe("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.sig");
        login.Policies.ShouldBe(["default", "dev", "prod"]);
        login.Accessor.ShouldBe("0e9e354a-520f-df04-6867-ee81cae3d42d");
        login.Method.ShouldBe("jwt");
    }

    [Fact]
    public async Task Jwt_without_a_role_leaves_it_to_the_mounts_default_role()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/gha/login", CannedResponse.Ok(AuthSamples.JwtLogin));

        await vault.Client.LoginAsync(new JwtAuth { Jwt = "a.b.c", Mount = "gha" }, Ct);

        vault.Handler.Requests.Single().Json.TryGetProperty("role", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Kubernetes_posts_role_and_service_account_token()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/kubernetes/login", CannedResponse.Ok(AuthSamples.KubernetesLogin));

        var login = await vault.Client.LoginAsync(new KubernetesAuth { Role = "dev-role", Jwt = "sa.token.value" }, Ct);

        var body = vault.Handler.Requests.Single().Json;
        body.GetProperty("role").GetString().ShouldBe("dev-role");
        body.GetProperty("jwt").GetString().ShouldBe("sa.token.value");
        login.Metadata["service_account_name"].ShouldBe("openbao-auth");
        login.ClientToken.ShouldBe("62b858f9-529c-6b26-e0b8-0457b6aacdb4");
    }

    [Fact]
    public async Task A_given_token_is_checked_with_lookup_self_and_is_not_marked_for_revocation()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("GET", "/v1/auth/token/lookup-self", CannedResponse.Ok(Samples.LookupSelf));

        var login = await vault.Client.LoginAsync(new TokenAuth { Token = "hvs.user-given" }, Ct);
        await vault.Client.LookupSelfAsync(Ct);

        vault.Handler.Requests.ShouldAllBe(r => r.Header("X-Vault-Token") == "hvs.user-given");
        vault.Handler.Requests.ShouldNotContain(r => r.Method == "POST");
        login.CreatedByLogin.ShouldBeFalse();
        login.Method.ShouldBe("token");
        login.Accessor.ShouldBe("8609694a-cdbc-db9b-d345-e782dbb562ed");
        login.LeaseDuration.ShouldBe(TimeSpan.FromSeconds(2764790));
        login.Policies.ShouldBe(["default", "testgroup2-policy"]);
        login.Orphan.ShouldBeTrue();
    }

    [Fact]
    public async Task A_given_token_vault_refuses_leaves_the_client_on_its_previous_token()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/auth/token/lookup-self", request => request.Headers.GetValues("X-Vault-Token").Single() == TestClient.Token
            ? CannedResponse.Ok(Samples.LookupSelf)
            : CannedResponse.Error(403, "permission denied"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.LoginAsync(new TokenAuth { Token = "hvs.expired" }, Ct));
        await vault.Client.LookupSelfAsync(Ct);

        error.Kind.ShouldBe(VaultErrorKind.PermissionDenied);
        error.ToString().ShouldNotContain("hvs.expired");
        vault.Handler.Requests[^1].Header("X-Vault-Token").ShouldBe(TestClient.Token);
    }

    [Theory]
    [InlineData(400, "invalid role or secret ID")]
    [InlineData(403, "permission denied")]
    public async Task Refused_credentials_are_login_rejected_sent_once_and_leave_the_token_unchanged(int status, string error)
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/auth/approle/login", CannedResponse.Error(status, error));
        vault.Handler.On("GET", "/v1/auth/token/lookup-self", CannedResponse.Ok(Samples.LookupSelf));

        var thrown = await Should.ThrowAsync<VaultApiException>(
            () => vault.RunAsync(c => c.LoginAsync(new AppRoleAuth { RoleId = RoleId, SecretId = SecretId }, Ct)));
        await vault.Client.LookupSelfAsync(Ct);

        thrown.Kind.ShouldBe(VaultErrorKind.LoginRejected);
        thrown.StatusCode.ShouldBe((HttpStatusCode)status);
        thrown.Errors.ShouldBe([error]);
        thrown.Message.ShouldStartWith("Login refused: Vault answered POST auth/approle/login with");
        thrown.Message.ShouldContain("the approle login was refused");
        thrown.ToString().ShouldNotContain(SecretId);
        vault.Handler.Count("POST", "/v1/auth/approle/login").ShouldBe(1);
        vault.Handler.Requests[^1].Header("X-Vault-Token").ShouldBe(TestClient.Token);
    }

    [Fact]
    public async Task A_login_to_a_mount_that_does_not_exist_says_so()
    {
        using var vault = TestClient.WithoutToken();

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.LoginAsync(new JwtAuth { Jwt = "a.b.c", Mount = "nope" }, Ct));

        error.Kind.ShouldBe(VaultErrorKind.NotFound);
        error.Message.ShouldContain("is a jwt auth method mounted at auth/nope?");
    }

    [Fact]
    public async Task A_login_answer_without_a_client_token_is_an_invalid_response()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/userpass/login/u", CannedResponse.Ok("""{"auth":null,"data":null}"""));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.LoginAsync(new UserpassAuth { Username = "u", Password = "p" }, Ct));

        error.Kind.ShouldBe(VaultErrorKind.InvalidResponse);
    }

    [Fact]
    public async Task A_login_in_a_namespace_carries_x_vault_namespace_on_the_unwrap_and_the_login()
    {
        using var vault = new TestClient(o => o with { Token = null, Namespace = "ns1/" });
        vault.Handler.On("POST", "/v1/sys/wrapping/unwrap", CannedResponse.Ok(AuthSamples.AppRoleSecretId));
        vault.Handler.On("POST", "/v1/auth/approle/login", CannedResponse.Ok(AuthSamples.AppRoleLogin));

        await vault.Client.LoginAsync(new AppRoleAuth { RoleId = RoleId, WrappedSecretId = "hvs.wrapped" }, Ct);

        vault.Handler.Requests.Count.ShouldBe(2);
        vault.Handler.Requests.ShouldAllBe(r => r.Header("X-Vault-Namespace") == "ns1/" && r.Header("X-Vault-Request") == "true");
    }

    [Fact]
    public void Auth_methods_print_their_type_and_mount_only()
    {
        new AppRoleAuth { RoleId = RoleId, SecretId = SecretId }.ToString().ShouldBe("approle auth at auth/approle");
        new UserpassAuth { Username = "u", Password = "pw-123", Mount = "people" }.ToString().ShouldBe("userpass auth at auth/people");
        new JwtAuth { Jwt = "a.b.c" }.ToString().ShouldBe("jwt auth at auth/jwt");
        new KubernetesAuth { Role = "r", Jwt = "a.b.c" }.ToString().ShouldBe("kubernetes auth at auth/kubernetes");
        new TokenAuth { Token = "hvs.x" }.ToString().ShouldBe("token auth at auth/token");
    }
}
