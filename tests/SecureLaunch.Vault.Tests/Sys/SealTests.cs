using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Sys;

/// <summary>sys/seal-status, sys/unseal, sys/seal and sys/init against their pages' samples.</summary>
public sealed class SealTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seal_status_of_a_sealed_vault_is_read_in_full_without_a_token()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/sys/seal-status", CannedResponse.Ok(SysSamples.SealStatusSealed));

        var status = await vault.Client.GetSealStatusAsync(Ct);

        vault.Handler.Requests.Single().Header("X-Vault-Token").ShouldBeNull();
        vault.Handler.Requests.Single().Header("X-Vault-Request").ShouldBe("true");
        status.Sealed.ShouldBeTrue();
        status.Initialized.ShouldBeTrue();
        status.Threshold.ShouldBe(3);
        status.Shares.ShouldBe(5);
        status.Progress.ShouldBe(2);
        status.Type.ShouldBe("shamir");
        status.Nonce.ShouldBe(string.Empty);
        status.Version.ShouldBe("1.11.0");
        status.BuildDate.ShouldBe("2022-05-03T08:34:11Z");
        status.StorageType.ShouldBe("file");
        status.Migration.ShouldBeFalse();
        status.RecoverySeal.ShouldBeFalse();
        status.ClusterName.ShouldBeNull();
    }

    [Fact]
    public async Task Seal_status_of_an_unsealed_vault_names_the_cluster()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/sys/seal-status", CannedResponse.Ok(SysSamples.SealStatusUnsealed));

        var status = await vault.Client.GetSealStatusAsync(Ct);

        status.Sealed.ShouldBeFalse();
        status.Progress.ShouldBe(0);
        status.ClusterName.ShouldBe("openbao-cluster-336172e1");
        status.ClusterId.ShouldBe("f94053ad-d80e-4270-2006-2efd67d0910a");
    }

    [Fact]
    public async Task Seal_status_is_retried_like_a_read()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("GET", "/v1/sys/seal-status", CannedResponse.ConnectionReset(), CannedResponse.Ok(SysSamples.SealStatusSealed));

        await vault.RunAsync(c => c.GetSealStatusAsync(Ct));

        vault.Handler.Count("GET", "/v1/sys/seal-status").ShouldBe(2);
    }

    [Fact]
    public async Task Each_unseal_key_is_posted_without_a_token_and_the_progress_returned()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/sys/unseal", CannedResponse.Ok(SysSamples.UnsealProgress), CannedResponse.Ok(SysSamples.Unsealed));

        var first = await vault.Client.UnsealAsync("abcd1234", Ct);
        var second = await vault.Client.UnsealAsync(" efgh5678\n", Ct);

        vault.Handler.Requests.ShouldAllBe(r => r.Header("X-Vault-Token") == null);
        vault.Handler.Requests[0].Json.GetProperty("key").GetString().ShouldBe("abcd1234");
        vault.Handler.Requests[1].Json.GetProperty("key").GetString().ShouldBe("efgh5678");
        vault.Handler.Requests[0].Json.TryGetProperty("reset", out _).ShouldBeFalse();
        first.Sealed.ShouldBeTrue();
        first.Progress.ShouldBe(2);
        first.Threshold.ShouldBe(3);
        first.Shares.ShouldBe(5);
        second.Sealed.ShouldBeFalse();
        second.Progress.ShouldBe(0);
        second.ClusterName.ShouldBe("openbao-cluster-d6ec3c7f");
    }

    [Fact]
    public async Task Reset_discards_the_shares_given_so_far()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/sys/unseal", CannedResponse.Ok("""{"sealed":true,"t":3,"n":5,"progress":0}"""));

        var status = await vault.Client.ResetUnsealAsync(Ct);

        var body = vault.Handler.Requests.Single().Json;
        body.GetProperty("reset").GetBoolean().ShouldBeTrue();
        body.TryGetProperty("key", out _).ShouldBeFalse();
        status.Progress.ShouldBe(0);
    }

    [Fact]
    public async Task A_refused_unseal_key_is_a_bad_request_that_never_quotes_the_key()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/sys/unseal", CannedResponse.Error(400, "'key' must be a valid hex or base64 string: not-a-key-zz"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.UnsealAsync("not-a-key-zz", Ct));

        error.Kind.ShouldBe(VaultErrorKind.BadRequest);
        error.Errors.ShouldBe(["'key' must be a valid hex or base64 string: [redacted]"]);
        error.ToString().ShouldNotContain("not-a-key-zz");
    }

    [Fact]
    public async Task Seal_posts_with_the_clients_token()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/sys/seal", CannedResponse.NoContent());

        await vault.Client.SealAsync(Ct);

        vault.Handler.Requests.Single().Header("X-Vault-Token").ShouldBe(TestClient.Token);
    }

    [Fact]
    public async Task Init_status_is_read_without_a_token()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/sys/init", CannedResponse.Ok(SysSamples.InitStatus));

        (await vault.Client.IsInitializedAsync(Ct)).ShouldBeTrue();
        vault.Handler.Requests.Single().Header("X-Vault-Token").ShouldBeNull();
    }

    [Fact]
    public async Task Init_sends_shares_and_threshold_and_returns_keys_and_root_token_which_it_never_prints()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/sys/init", CannedResponse.Ok(SysSamples.Init));

        var result = await vault.Client.InitializeAsync(3, 2, Ct);

        var body = vault.Handler.Requests.Single().Json;
        body.GetProperty("secret_shares").GetInt32().ShouldBe(3);
        body.GetProperty("secret_threshold").GetInt32().ShouldBe(2);
        result.Keys.ShouldBe(["one", "two", "three"]);
        result.KeysBase64.ShouldBe(["cR9No5cBC", "F3VLrkOo", "zIDSZNGv"]);
        result.RootToken.ShouldBe("foo");
        result.ToString().ShouldBe("VaultInitResult { Keys = 3 shares, RootToken = (hidden) }");
    }

    [Fact]
    public async Task Init_is_never_sent_twice_as_a_lost_answer_means_lost_keys()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/sys/init", CannedResponse.Error(500, "internal error"), CannedResponse.Ok(SysSamples.Init));

        await Should.ThrowAsync<VaultApiException>(() => vault.RunAsync(c => c.InitializeAsync(3, 2, Ct)));

        vault.Handler.Count("POST", "/v1/sys/init").ShouldBe(1);
    }

    [Fact]
    public async Task Init_of_an_initialized_vault_is_a_bad_request()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/sys/init", CannedResponse.Error(400, "Vault is already initialized"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.InitializeAsync(1, 1, Ct));

        error.Kind.ShouldBe(VaultErrorKind.BadRequest);
        error.Errors.ShouldBe(["Vault is already initialized"]);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 4)]
    [InlineData(3, 0)]
    [InlineData(256, 2)]
    public async Task Shares_and_threshold_vault_would_refuse_are_refused_before_sending(int shares, int threshold)
    {
        using var vault = TestClient.WithoutToken();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => vault.Client.InitializeAsync(shares, threshold, Ct));

        vault.Handler.Requests.ShouldBeEmpty();
    }
}
