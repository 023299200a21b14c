using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Integration;

/// <summary><c>auth/token/lookup-accessor</c> against the embedded dev Vault, for a token a login minted.</summary>
public sealed class TokenAccessorDevVaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_logged_in_tokens_accessor_looks_up_to_its_policies_and_ttl_and_nothing_logs_the_token()
    {
        await using var vault = await AuthDevVault.StartAsync(Ct);
        var logger = new RecordingLogger();
        using var app = AuthDevVault.ClientFor(vault, logger: logger);
        using var root = AuthDevVault.ClientFor(vault, vault.RootToken, logger);
        var login = await app.LoginAsync(new UserpassAuth { Username = "ci", Password = AuthDevVault.Password }, Ct);

        var info = await root.LookupAccessorAsync(login.Accessor, Ct);

        info.Accessor.ShouldBe(login.Accessor);
        info.Policies.ShouldBe(["app-read", "default"]);
        info.Ttl.ShouldBe(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));
        info.Renewable.ShouldBeTrue();
        info.DisplayName.ShouldBe("userpass-ci");
        info.ExpireTime.ShouldNotBeNull();
        info.ToString().ShouldNotContain(login.ClientToken);
        logger.Lines.ShouldAllBe(line => !line.Contains(login.ClientToken, StringComparison.Ordinal) && !line.Contains(vault.RootToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_tokens_accessor_is_invalid_and_a_token_without_the_capability_is_denied()
    {
        await using var vault = await AuthDevVault.StartAsync(Ct);
        using var app = AuthDevVault.ClientFor(vault);
        using var root = AuthDevVault.ClientFor(vault, vault.RootToken);
        var login = await app.LoginAsync(new UserpassAuth { Username = "ci", Password = AuthDevVault.Password }, Ct);
        var rootAccessor = (await root.LookupSelfAsync(Ct)).Accessor;

        var denied = await Should.ThrowAsync<VaultApiException>(() => app.LookupAccessorAsync(rootAccessor, Ct));
        (await root.RevokeAccessorAsync(login.Accessor, Ct)).ShouldBeTrue();
        var revoked = await Should.ThrowAsync<VaultApiException>(() => root.LookupAccessorAsync(login.Accessor, Ct));

        denied.Kind.ShouldBe(VaultErrorKind.PermissionDenied);
        revoked.Kind.ShouldBe(VaultErrorKind.BadRequest);
        revoked.Errors.ShouldBe(["invalid accessor"]);
    }
}
