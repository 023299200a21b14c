using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Auth;

/// <summary>A login mints a token: it is re-sent only when it provably never reached Vault.</summary>
public sealed class LoginRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UserpassAuth User => new() { Username = "ci", Password = "pw" };

    [Fact]
    public async Task A_login_is_sent_again_when_the_connection_was_refused()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/userpass/login/ci", CannedResponse.ConnectionRefused(), CannedResponse.Ok(AuthSamples.UserpassLogin));

        var login = await vault.RunAsync(c => c.LoginAsync(User, Ct));

        login.Accessor.ShouldBe("iP2Lw1JXpjlALbgJSeIx51n7");
        vault.Handler.Count("POST", "/v1/auth/userpass/login/ci").ShouldBe(2);
    }

    [Fact]
    public async Task A_login_is_sent_again_after_a_429_which_vault_refused_before_handling()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/userpass/login/ci", CannedResponse.Error(429, "rate limit quota exceeded"), CannedResponse.Ok(AuthSamples.UserpassLogin));

        await vault.RunAsync(c => c.LoginAsync(User, Ct));

        vault.Handler.Count("POST", "/v1/auth/userpass/login/ci").ShouldBe(2);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_login_is_not_sent_again_after_a_server_error_as_it_may_have_minted_a_token(int status)
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/userpass/login/ci", CannedResponse.Error(status, "boom"), CannedResponse.Ok(AuthSamples.UserpassLogin));

        await Should.ThrowAsync<VaultApiException>(() => vault.RunAsync(c => c.LoginAsync(User, Ct)));

        vault.Handler.Count("POST", "/v1/auth/userpass/login/ci").ShouldBe(1);
    }

    [Fact]
    public async Task A_login_whose_connection_broke_is_not_sent_again()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/userpass/login/ci", CannedResponse.ConnectionReset(), CannedResponse.Ok(AuthSamples.UserpassLogin));

        var error = await Should.ThrowAsync<VaultUnreachableException>(() => vault.RunAsync(c => c.LoginAsync(User, Ct)));

        error.RequestMayHaveBeenSent.ShouldBeTrue();
        vault.Handler.Count("POST", "/v1/auth/userpass/login/ci").ShouldBe(1);
    }

    [Fact]
    public async Task A_login_on_a_sealed_vault_says_sealed()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/userpass/login/ci", CannedResponse.Error(503, "Vault is sealed"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.RunAsync(c => c.LoginAsync(User, Ct)));

        error.Kind.ShouldBe(VaultErrorKind.Sealed);
        error.Message.ShouldStartWith("Vault is sealed:");
    }
}
