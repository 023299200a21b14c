using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Auth;

public sealed class TokenLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Renew_self_sends_the_increment_as_a_duration_and_returns_the_granted_lease()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/auth/token/renew-self", CannedResponse.Ok(AuthSamples.RenewSelf));

        var renewal = await vault.Client.RenewSelfAsync(TimeSpan.FromHours(2), Ct);

        var sent = vault.Handler.Requests.Single();
        sent.Header("X-Vault-Token").ShouldBe(TestClient.Token);
        sent.Json.GetProperty("increment").GetString().ShouldBe("7200s");
        renewal.LeaseDuration.ShouldBe(TimeSpan.FromHours(1));
        renewal.Renewable.ShouldBeTrue();
        renewal.Policies.ShouldBe(["web", "stage"]);
        renewal.ObtainedAt.ShouldBe(TestClient.Start);
        renewal.ExpiresAt.ShouldBe(TestClient.Start.AddHours(1));
        renewal.ToString().ShouldNotContain("ABCD");
    }

    [Fact]
    public async Task Renew_self_without_an_increment_leaves_it_to_vault()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/auth/token/renew-self", CannedResponse.Ok(AuthSamples.RenewSelf));

        await vault.Client.RenewSelfAsync(null, Ct);

        vault.Handler.Requests.Single().Json.TryGetProperty("increment", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_token_that_cannot_be_renewed_is_an_invalid_lease_so_the_caller_logs_in_again()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/auth/token/renew-self", CannedResponse.Error(400, "lease is not renewable"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.RenewSelfAsync(null, Ct));

        error.Kind.ShouldBe(VaultErrorKind.InvalidLease);
        error.Message.ShouldContain("log in again");
    }

    [Fact]
    public async Task Renew_self_is_retried_through_a_500_as_renewing_twice_does_no_harm()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/auth/token/renew-self", CannedResponse.Error(500), CannedResponse.Ok(AuthSamples.RenewSelf));

        await vault.RunAsync(c => c.RenewSelfAsync(null, Ct));

        vault.Handler.Count("POST", "/v1/auth/token/renew-self").ShouldBe(2);
    }

    [Fact]
    public async Task Revoke_self_posts_with_the_clients_token()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/auth/token/revoke-self", CannedResponse.NoContent());

        await vault.Client.RevokeSelfAsync(Ct);

        var sent = vault.Handler.Requests.Single();
        sent.Header("X-Vault-Token").ShouldBe(TestClient.Token);
        sent.Body.ShouldBeNull();
    }

    [Fact]
    public async Task Revoking_a_token_vault_no_longer_accepts_is_permission_denied()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/auth/token/revoke-self", CannedResponse.Error(403, "permission denied"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.RevokeSelfAsync(Ct));

        error.Kind.ShouldBe(VaultErrorKind.PermissionDenied);
        error.Path.ShouldBe("auth/token/revoke-self");
    }

    [Fact]
    public async Task Set_token_swaps_the_header_and_refuses_a_value_a_header_cannot_carry_without_quoting_it()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/auth/token/lookup-self", request => request.Headers.Contains("X-Vault-Token")
            ? CannedResponse.Ok(Samples.LookupSelf)
            : CannedResponse.Error(400, "missing client token"));

        vault.Client.SetToken("hvs.second");
        await vault.Client.LookupSelfAsync(Ct);
        var error = Should.Throw<ArgumentException>(() => vault.Client.SetToken("hvs.bad\r\nX: y"));
        vault.Client.SetToken(null);
        await Should.ThrowAsync<VaultApiException>(() => vault.Client.LookupSelfAsync(Ct));

        vault.Handler.Requests[0].Header("X-Vault-Token").ShouldBe("hvs.second");
        vault.Handler.Requests[1].Header("X-Vault-Token").ShouldBeNull();
        error.Message.ShouldNotContain("hvs.bad");
    }
}
