using SecureLaunch.DevVault;
using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Sys;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Integration;

/// <summary>Init, unseal and seal against the dev Vault's file storage mode, which comes up sealed like a production server.</summary>
public sealed class UnsealDevVaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vault-file-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_new_vault_is_initialized_unsealed_with_threshold_shares_and_serves_its_seed()
    {
        await using var vault = await StartAsync();
        using var client = AuthDevVault.ClientFor(vault);

        var initializedBefore = await client.IsInitializedAsync(Ct);
        var init = await client.InitializeAsync(3, 2, Ct);
        var sealedStatus = await client.GetSealStatusAsync(Ct);
        var first = await client.UnsealAsync(init.Keys[0], Ct);
        var second = await client.UnsealAsync(init.KeysBase64[2], Ct);
        await client.LoginAsync(new TokenAuth { Token = init.RootToken }, Ct);
        var secret = await client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct);

        initializedBefore.ShouldBeFalse();
        (await client.IsInitializedAsync(Ct)).ShouldBeTrue();
        init.Keys.Count.ShouldBe(3);
        init.KeysBase64.Count.ShouldBe(3);
        init.RootToken.ShouldNotBeNullOrEmpty();
        sealedStatus.Sealed.ShouldBeTrue();
        sealedStatus.Threshold.ShouldBe(2);
        sealedStatus.Shares.ShouldBe(3);
        first.Sealed.ShouldBeTrue();
        first.Progress.ShouldBe(1);
        second.Sealed.ShouldBeFalse();
        secret.Data["k"].GetString().ShouldBe("v");
    }

    [Fact]
    public async Task Reset_discards_a_share_and_a_wrong_share_is_refused_without_being_quoted()
    {
        await using var vault = await StartAsync();
        using var client = AuthDevVault.ClientFor(vault);
        var init = await client.InitializeAsync(3, 2, Ct);
        using var other = await InitializedElsewhereAsync();

        await client.UnsealAsync(init.Keys[0], Ct);
        var reset = await client.ResetUnsealAsync(Ct);
        await client.UnsealAsync(init.Keys[1], Ct);
        var error = await Should.ThrowAsync<VaultApiException>(() => client.UnsealAsync(other.Keys[0], Ct));

        reset.Progress.ShouldBe(0);
        reset.Sealed.ShouldBeTrue();
        error.Kind.ShouldBe(VaultErrorKind.BadRequest);
        error.ToString().ShouldNotContain(other.Keys[0]);
        (await client.GetSealStatusAsync(Ct)).Sealed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_second_init_is_refused_and_the_data_survives_seal_and_a_restart_behind_the_shares()
    {
        VaultInitResult init;
        await using (var vault = await StartAsync())
        {
            using var client = AuthDevVault.ClientFor(vault);
            init = await client.InitializeAsync(1, 1, Ct);
            var again = await Should.ThrowAsync<VaultApiException>(() => client.InitializeAsync(1, 1, Ct));
            await client.UnsealAsync(init.Keys[0], Ct);
            client.SetToken(init.RootToken);
            await client.SealAsync(Ct);
            var read = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct));

            again.Kind.ShouldBe(VaultErrorKind.BadRequest);
            read.Kind.ShouldBe(VaultErrorKind.Sealed);
        }

        await using var restarted = await StartAsync();
        using var after = AuthDevVault.ClientFor(restarted, init.RootToken);
        (await after.GetSealStatusAsync(Ct)).Sealed.ShouldBeTrue();
        (await after.UnsealAsync(init.Keys[0], Ct)).Sealed.ShouldBeFalse();
        (await after.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct)).Data["k"].GetString().ShouldBe("v");
    }

    [Fact]
    public async Task Sealing_needs_root_or_sudo()
    {
        await using var vault = await DevVaultServer.StartAsync(new DevVaultOptions { Seed = DevVaultSeed.FromYaml(AuthDevVault.Seed, "a.yaml") }, Ct);
        using var client = AuthDevVault.ClientFor(vault);
        await client.LoginAsync(new UserpassAuth { Username = "ci", Password = AuthDevVault.Password }, Ct);

        var error = await Should.ThrowAsync<VaultApiException>(() => client.SealAsync(Ct));

        error.Kind.ShouldBe(VaultErrorKind.PermissionDenied);
        (await client.GetSealStatusAsync(Ct)).Sealed.ShouldBeFalse();
    }

    [Fact]
    public async Task The_in_memory_dev_vault_seals_and_unseals_with_its_one_key()
    {
        await using var vault = await DevVaultServer.StartAsync(new DevVaultOptions(), Ct);
        using var client = AuthDevVault.ClientFor(vault, vault.RootToken);

        await client.SealAsync(Ct);
        var sealedNow = await client.GetSealStatusAsync(Ct);
        var unsealed = await client.UnsealAsync(vault.UnsealKey!, Ct);

        sealedNow.Sealed.ShouldBeTrue();
        unsealed.Sealed.ShouldBeFalse();
        (await client.LookupSelfAsync(Ct)).Policies.ShouldContain("root");
    }

    private Task<DevVaultServer> StartAsync() =>
        DevVaultServer.StartAsync(new DevVaultOptions { Storage = $"file:{_dir}", Seed = DevVaultSeed.FromYaml(DevVaultFixture.Seed, "t.yaml") }, Ct);

    /// <summary>Shares of another Vault: valid keys, but not this Vault's.</summary>
    private static async Task<OtherKeys> InitializedElsewhereAsync()
    {
        var dir = Directory.CreateTempSubdirectory("vault-other-").FullName;
        await using var vault = await DevVaultServer.StartAsync(new DevVaultOptions { Storage = $"file:{dir}" }, Ct);
        using var client = AuthDevVault.ClientFor(vault);
        var init = await client.InitializeAsync(3, 2, Ct);
        return new OtherKeys(init.Keys, dir);
    }

    private sealed record OtherKeys(IReadOnlyList<string> Keys, string Dir) : IDisposable
    {
        public void Dispose() => Directory.Delete(Dir, recursive: true);
    }
}
