using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Sys;

public sealed class CapabilitiesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_path_is_read_from_the_pages_sample()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/sys/capabilities-self", CannedResponse.Ok(SysSamples.CapabilitiesSelf));

        var capabilities = await vault.Client.GetCapabilitiesSelfAsync(["/secret/foo"], Ct);

        vault.Handler.Requests.Single().Json.GetProperty("paths")[0].GetString().ShouldBe("secret/foo");
        vault.Handler.Requests.Single().Header("X-Vault-Token").ShouldBe(TestClient.Token);
        capabilities["secret/foo"].ShouldBe(["delete", "list", "read", "update"]);
    }

    [Fact]
    public async Task Several_paths_are_read_from_data_when_vault_sends_it()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/sys/capabilities-self", CannedResponse.Ok(SysSamples.CapabilitiesSelfWithData));

        var capabilities = await vault.Client.GetCapabilitiesSelfAsync(["secret/data/app", "database/creds/app", "pki/issue/web"], Ct);

        capabilities["secret/data/app"].ShouldBe(["read"]);
        capabilities["database/creds/app"].ShouldBe(["deny"]);
        capabilities["pki/issue/web"].ShouldBe(["deny"]);
    }

    [Fact]
    public async Task The_api_path_of_a_kv_v2_secret_is_the_one_to_ask_about()
    {
        using var vault = new TestClient();
        vault.Handler.OnMount("secret/app", "secret/", "kv", "2");
        vault.Handler.OnMount("kv/old", "kv/", "kv", "1");
        vault.Handler.OnMount("database/creds/app", "database/", "database", null);

        (await vault.Client.ResolveSecretPathAsync(new SecretRequest { Path = "secret/app" }, Ct)).ShouldBe("secret/data/app");
        (await vault.Client.ResolveSecretPathAsync(new SecretRequest { Path = "kv/old" }, Ct)).ShouldBe("kv/old");
        (await vault.Client.ResolveSecretPathAsync(new SecretRequest { Path = "database/creds/app" }, Ct)).ShouldBe("database/creds/app");
        (await vault.Client.ResolveSecretPathAsync(new SecretRequest { Path = "hidden/path" }, Ct)).ShouldBe("hidden/path");
    }

    [Fact]
    public async Task A_token_that_may_not_ask_is_permission_denied()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/sys/capabilities-self", CannedResponse.Error(403, "permission denied"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.GetCapabilitiesSelfAsync(["secret/data/app"], Ct));

        error.Kind.ShouldBe(VaultErrorKind.PermissionDenied);
        error.Path.ShouldBe("sys/capabilities-self");
    }

    [Fact]
    public async Task An_empty_list_is_refused_before_sending()
    {
        using var vault = new TestClient();

        await Should.ThrowAsync<ArgumentException>(() => vault.Client.GetCapabilitiesSelfAsync([], Ct));
    }
}
