using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Sys;

public sealed class WrappingTests
{
    private const string WrappingToken = "hvs.wrapping-abcd1234";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lookup_sends_the_token_in_the_body_and_reads_creation_path_time_and_ttl()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/sys/wrapping/lookup", CannedResponse.Ok(SysSamples.WrappingLookup));

        var info = await vault.Client.LookupWrappingTokenAsync(WrappingToken, Ct);

        vault.Handler.Requests.Single().Json.GetProperty("token").GetString().ShouldBe(WrappingToken);
        info.CreationPath.ShouldBe("sys/wrapping/wrap");
        info.CreationTime!.Value.ShouldBe(new DateTimeOffset(2016, 9, 28, 14, 16, 13, 71, TimeSpan.FromHours(-4)), TimeSpan.FromMilliseconds(1));
        info.CreationTtl.ShouldBe(TimeSpan.FromSeconds(300));
        info.ExpiresAt.ShouldBe(info.CreationTime!.Value.AddSeconds(300));
    }

    [Fact]
    public async Task Looking_up_a_used_wrapping_token_is_wrapping_token_invalid()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/sys/wrapping/lookup", CannedResponse.Error(400, "wrapping token is not valid or does not exist"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.LookupWrappingTokenAsync(WrappingToken, Ct));

        error.Kind.ShouldBe(VaultErrorKind.WrappingTokenInvalid);
        error.ToString().ShouldNotContain(WrappingToken);
    }

    [Fact]
    public async Task Unwrap_returns_the_wrapped_data_and_no_lease_for_an_advisory_ttl()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/sys/wrapping/unwrap", CannedResponse.Ok(SysSamples.Unwrap));

        var unwrapped = await vault.Client.UnwrapAsync(WrappingToken, Ct);

        vault.Handler.Requests.Single().Header("X-Vault-Token").ShouldBe(WrappingToken);
        unwrapped.Data["zip"].GetString().ShouldBe("zap");
        unwrapped.Lease.ShouldBeNull();
    }

    [Fact]
    public async Task Unwrapping_twice_fails_the_second_time_saying_the_data_is_gone()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/sys/wrapping/unwrap",
            CannedResponse.Ok(SysSamples.Unwrap), CannedResponse.Error(400, "wrapping token is not valid or does not exist"));

        await vault.Client.UnwrapAsync(WrappingToken, Ct);
        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.UnwrapAsync(WrappingToken, Ct));

        error.Kind.ShouldBe(VaultErrorKind.WrappingTokenInvalid);
        error.Message.ShouldContain("already unwrapped, possibly by someone else");
        error.Message.ShouldContain("the wrapped data is gone");
    }

    [Fact]
    public async Task A_wrapping_token_a_header_cannot_carry_is_refused_before_sending()
    {
        using var vault = new TestClient();

        var error = await Should.ThrowAsync<ArgumentException>(() => vault.Client.UnwrapAsync("hvs.x\nInjected: 1", Ct));

        error.Message.ShouldNotContain("hvs.x");
        vault.Handler.Requests.ShouldBeEmpty();
    }
}
