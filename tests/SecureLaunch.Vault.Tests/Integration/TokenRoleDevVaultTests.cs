using SecureLaunch.DevVault;
using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Integration;

/// <summary>Tokens created through a token role, wrapped or not, against the embedded dev Vault.</summary>
public sealed class TokenRoleDevVaultTests
{
    private const string Bootstrap = """
        PUT sys/policies/acl/app-read {"policy":"path \"secret/data/app\" { capabilities = [\"read\"] }"}
        PUT sys/policies/acl/deployer {"policy":"path \"auth/token/create/launch\" { capabilities = [\"update\"] }\npath \"sys/wrapping/lookup\" { capabilities = [\"update\"] }"}
        POST auth/token/roles/launch {"allowed_policies":"app-read,app-write","orphan":true,"token_period":"1h"}
        POST auth/token/roles/deployer {}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_role_token_comes_back_periodic_orphan_and_with_the_asked_policies()
    {
        await using var vault = await StartAsync();
        using var client = DevVaultFixture.ClientFor(vault);

        var created = await client.CreateTokenAsync(new VaultTokenRequest { RoleName = "launch", Policies = ["app-read"], DisplayName = "web" }, Ct);

        created.Wrapped.ShouldBeNull();
        var token = created.Token.ShouldNotBeNull();
        token.Policies.ShouldBe(["app-read", "default"]);
        token.LeaseDuration.ShouldBe(TimeSpan.FromHours(1));
        token.Renewable.ShouldBeTrue();
        token.Orphan.ShouldBeTrue();
        token.ToString().ShouldNotContain(token.ClientToken);
        using var launched = DevVaultFixture.ClientFor(vault, token.ClientToken);
        var self = await launched.LookupSelfAsync(Ct);
        self.Accessor.ShouldBe(token.Accessor);
        (await launched.ReadSecretAsync(new SecureLaunch.Vault.Secrets.SecretRequest { Path = "secret/app" }, Ct)).Data["k"].GetString().ShouldBe("v");
    }

    [Fact]
    public async Task A_wrapped_creation_returns_only_the_wrap_info_and_unwrapping_gives_the_token_once()
    {
        await using var vault = await StartAsync();
        var logger = new RecordingLogger();
        using var client = DevVaultFixture.ClientFor(vault);
        using var deployer = AuthDevVault.ClientFor(vault, await DeployerTokenAsync(client), logger);

        var created = await deployer.CreateTokenAsync(new VaultTokenRequest { RoleName = "launch", Policies = ["app-read"], WrapTtl = TimeSpan.FromMinutes(2) }, Ct);
        var wrapped = created.Wrapped.ShouldNotBeNull();
        var lookup = await deployer.LookupWrappingTokenAsync(wrapped.Token, Ct);
        var unwrapped = await client.UnwrapTokenAsync(wrapped.Token, Ct);
        var again = await Should.ThrowAsync<VaultApiException>(() => client.UnwrapTokenAsync(wrapped.Token, Ct));

        created.Token.ShouldBeNull();
        wrapped.Ttl.ShouldBe(TimeSpan.FromMinutes(2));
        wrapped.CreationPath.ShouldBe("auth/token/create/launch");
        wrapped.CreationTime.ShouldNotBeNull();
        wrapped.Accessor.ShouldNotBeNullOrEmpty();
        wrapped.WrappedAccessor.ShouldNotBeNullOrEmpty();
        wrapped.ToString().ShouldNotContain(wrapped.Token);
        lookup.CreationPath.ShouldBe("auth/token/create/launch");
        lookup.CreationTtl.ShouldBe(TimeSpan.FromMinutes(2));
        unwrapped.Accessor.ShouldBe(wrapped.WrappedAccessor);
        unwrapped.Policies.ShouldBe(["app-read", "default"]);
        unwrapped.LeaseDuration.ShouldBe(TimeSpan.FromHours(1));
        unwrapped.Orphan.ShouldBeTrue();
        using var agent = DevVaultFixture.ClientFor(vault, unwrapped.ClientToken);
        (await agent.LookupSelfAsync(Ct)).Accessor.ShouldBe(unwrapped.Accessor);
        again.Kind.ShouldBe(VaultErrorKind.WrappingTokenInvalid);
        logger.Lines.ShouldAllBe(line => !line.Contains(wrapped.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Policies_outside_the_role_are_refused_with_vaults_errors_and_a_caller_without_the_path_is_denied()
    {
        await using var vault = await StartAsync();
        using var client = DevVaultFixture.ClientFor(vault);
        using var reader = DevVaultFixture.ClientFor(vault, (await client.CreateTokenAsync(new VaultTokenRequest { RoleName = "launch" }, Ct)).Token!.ClientToken);

        var outside = await Should.ThrowAsync<VaultApiException>(() => client.CreateTokenAsync(new VaultTokenRequest { RoleName = "launch", Policies = ["admin"] }, Ct));
        var unknown = await Should.ThrowAsync<VaultApiException>(() => client.CreateTokenAsync(new VaultTokenRequest { RoleName = "nope" }, Ct));
        var denied = await Should.ThrowAsync<VaultApiException>(() => reader.CreateTokenAsync(new VaultTokenRequest { RoleName = "launch" }, Ct));

        outside.Kind.ShouldBe(VaultErrorKind.BadRequest);
        outside.Errors.Single().ShouldContain("must be subset of the role's allowed policies");
        unknown.Errors.ShouldBe(["unknown role nope"]);
        denied.Kind.ShouldBe(VaultErrorKind.PermissionDenied);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("..")]
    public async Task A_role_name_that_is_not_one_path_segment_is_refused_before_sending(string name)
    {
        await using var vault = await StartAsync();
        using var client = DevVaultFixture.ClientFor(vault);

        await Should.ThrowAsync<ArgumentException>(() => client.CreateTokenAsync(new VaultTokenRequest { RoleName = name }, Ct));
    }

    private static async Task<string> DeployerTokenAsync(VaultClient root)
    {
        // A role without policy lists keeps the subset-of-parent rule; root may grant anything, so the token gets "deployer".
        var created = await root.CreateTokenAsync(new VaultTokenRequest { RoleName = "deployer", Policies = ["deployer"] }, Ct);
        return created.Token!.ClientToken;
    }

    private static Task<DevVaultServer> StartAsync() =>
        DevVaultServer.StartAsync(
            new DevVaultOptions
            {
                Seed = DevVaultSeed.FromYaml(DevVaultFixture.Seed, "test.yaml"),
                Bootstrap = DevVaultBootstrap.Parse(Bootstrap, "roles.txt"),
            },
            Ct);
}
