using SecureLaunch.DevVault;
using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Secrets;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Integration;

/// <summary>Seal status, and what a sealed Vault answers, against the dev Vault's simulated states.</summary>
public sealed class SealDevVaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seal_status_of_a_sealed_vault_is_read_without_a_token()
    {
        await using var vault = await DevVaultServer.StartAsync(new DevVaultOptions { Status = DevVaultStatus.Sealed }, Ct);
        using var client = AuthDevVault.ClientFor(vault);

        var status = await client.GetSealStatusAsync(Ct);

        status.Sealed.ShouldBeTrue();
        status.Initialized.ShouldBeTrue();
        status.Type.ShouldBe("shamir");
        status.Threshold.ShouldBe(1);
        status.Shares.ShouldBe(1);
        status.Progress.ShouldBe(0);
        status.ClusterName.ShouldBeNull();
    }

    [Fact]
    public async Task Seal_status_of_an_active_vault_names_its_cluster()
    {
        await using var vault = await DevVaultServer.StartAsync(new DevVaultOptions(), Ct);
        using var client = AuthDevVault.ClientFor(vault);

        var status = await client.GetSealStatusAsync(Ct);

        status.Sealed.ShouldBeFalse();
        status.ClusterName.ShouldNotBeNullOrEmpty();
        status.StorageType.ShouldBe("inmem");
    }

    [Fact]
    public async Task On_a_sealed_vault_reads_and_logins_say_sealed_and_never_open_the_circuit()
    {
        await using var vault = await DevVaultServer.StartAsync(new DevVaultOptions { Status = DevVaultStatus.Sealed }, Ct);
        using var client = AuthDevVault.ClientFor(vault, vault.RootToken);

        for (var i = 0; i < 8; i++)
        {
            var read = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct));
            read.Kind.ShouldBe(VaultErrorKind.Sealed);
            read.Message.ShouldStartWith("Vault is sealed:");
        }

        var login = await Should.ThrowAsync<VaultApiException>(() => client.LoginAsync(new UserpassAuth { Username = "u", Password = "p" }, Ct));
        var health = await client.GetHealthAsync(Ct);
        var status = await client.GetSealStatusAsync(Ct);

        login.Kind.ShouldBe(VaultErrorKind.Sealed);
        health.Sealed.ShouldBeTrue();
        health.StatusCode.ShouldBe(503);
        status.Sealed.ShouldBeTrue();
    }

    [Fact]
    public async Task Once_the_dev_vault_is_unsealed_the_same_client_reads_again()
    {
        await using var vault = await DevVaultServer.StartAsync(
            new DevVaultOptions { Status = DevVaultStatus.Sealed, Seed = DevVaultSeed.FromYaml(DevVaultFixture.Seed, "t.yaml") }, Ct);
        using var client = AuthDevVault.ClientFor(vault, vault.RootToken);
        await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct));

        vault.Status = DevVaultStatus.Active;
        var secret = await client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct);

        secret.Data["k"].GetString().ShouldBe("v");
    }
}
