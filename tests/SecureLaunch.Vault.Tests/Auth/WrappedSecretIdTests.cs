using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Auth;

/// <summary>An AppRole secret-id delivered response-wrapped: unwrapped once, then used to log in.</summary>
public sealed class WrappedSecretIdTests
{
    private const string WrappingToken = "hvs.CAESIwrappingtoken0123456789";
    private const string UnwrappedSecretId = "841771dc-11c9-bbc7-bcac-6a3945a69cd9";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AppRoleAuth Wrapped => new() { RoleId = "role-1", WrappedSecretId = WrappingToken };

    [Fact]
    public async Task The_wrapping_token_is_unwrapped_in_the_header_only_and_its_secret_id_used_to_log_in()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/sys/wrapping/unwrap", CannedResponse.Ok(AuthSamples.AppRoleSecretId));
        vault.Handler.On("POST", "/v1/auth/approle/login", CannedResponse.Ok(AuthSamples.AppRoleLogin));

        var login = await vault.Client.LoginAsync(Wrapped, Ct);

        var unwrap = vault.Handler.Requests[0];
        unwrap.PathAndQuery.ShouldBe("/v1/sys/wrapping/unwrap");
        unwrap.Header("X-Vault-Token").ShouldBe(WrappingToken);
        unwrap.Body.ShouldBeNull();
        var loginRequest = vault.Handler.Requests[1];
        loginRequest.Header("X-Vault-Token").ShouldBeNull();
        loginRequest.Json.GetProperty("secret_id").GetString().ShouldBe(UnwrappedSecretId);
        loginRequest.Json.GetProperty("role_id").GetString().ShouldBe("role-1");
        login.ClientToken.ShouldBe("5b1a0318-679c-9c45-e5c6-d1b9a9035d49");
    }

    [Fact]
    public async Task A_wrapping_token_already_used_says_the_secret_id_was_unwrapped_possibly_by_someone_else()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/sys/wrapping/unwrap", CannedResponse.Error(400, "wrapping token is not valid or does not exist"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.RunAsync(c => c.LoginAsync(Wrapped, Ct)));

        error.Kind.ShouldBe(VaultErrorKind.WrappingTokenInvalid);
        error.Errors.ShouldBe(["wrapping token is not valid or does not exist"]);
        error.Message.ShouldStartWith("Wrapping token no longer valid: Vault answered POST sys/wrapping/unwrap with 400");
        error.Message.ShouldContain("the wrapped secret-id was already unwrapped, possibly by someone else");
        error.ToString().ShouldNotContain(WrappingToken);
        vault.Handler.Count("POST", "/v1/sys/wrapping/unwrap").ShouldBe(1);
        vault.Handler.Count("POST", "/v1/auth/approle/login").ShouldBe(0);
    }

    [Fact]
    public async Task An_unwrap_whose_answer_was_lost_is_not_sent_again_as_the_token_is_single_use()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/sys/wrapping/unwrap", CannedResponse.ConnectionReset(), CannedResponse.Ok(AuthSamples.AppRoleSecretId));

        var error = await Should.ThrowAsync<VaultUnreachableException>(() => vault.RunAsync(c => c.LoginAsync(Wrapped, Ct)));

        error.RequestMayHaveBeenSent.ShouldBeTrue();
        vault.Handler.Count("POST", "/v1/sys/wrapping/unwrap").ShouldBe(1);
    }

    [Fact]
    public async Task A_wrapping_token_around_something_else_is_an_invalid_response()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/sys/wrapping/unwrap", CannedResponse.Ok(SysSamples.Unwrap));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.LoginAsync(Wrapped, Ct));

        error.Kind.ShouldBe(VaultErrorKind.InvalidResponse);
        error.Message.ShouldContain("holds no 'secret_id'");
        vault.Handler.Count("POST", "/v1/auth/approle/login").ShouldBe(0);
    }

    [Fact]
    public async Task A_secret_id_given_both_plainly_and_wrapped_is_refused_before_sending()
    {
        using var vault = TestClient.WithoutToken();

        var error = await Should.ThrowAsync<ArgumentException>(
            () => vault.Client.LoginAsync(new AppRoleAuth { RoleId = "r", SecretId = "plain-value", WrappedSecretId = WrappingToken }, Ct));

        error.Message.ShouldNotContain("plain-value");
        error.Message.ShouldNotContain(WrappingToken);
        vault.Handler.Requests.ShouldBeEmpty();
    }
}
