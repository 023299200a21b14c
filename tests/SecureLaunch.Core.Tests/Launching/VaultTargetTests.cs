using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Launching;

public sealed class VaultTargetTests
{
    private static readonly SourceLocation Here = new("spec.yaml", 5, 12);

    private static VaultSettings Settings(string? token = null, Uri? address = null) => new()
    {
        Address = address,
        Auth = new AuthSettings
        {
            Location = Here,
            Token = token is null ? null : new CredentialSource { Value = token, Key = "vault.auth.token", Location = Here },
        },
    };

    [Fact]
    public void The_spec_token_wins_over_the_environment()
    {
        var environment = new FakeEnvironment().With("VAULT_TOKEN", "env-token");

        var target = VaultTarget.Resolve(Settings("spec-token"), environment);

        target.Token.ShouldBe("spec-token");
        target.TokenSource.ShouldBe("the spec");
    }

    [Fact]
    public void Vault_addr_and_vault_token_are_used_when_the_spec_is_silent()
    {
        var environment = new FakeEnvironment().With("VAULT_ADDR", "https://vault.internal:8200").With("VAULT_TOKEN", "env-token");

        var target = VaultTarget.Resolve(Settings(), environment);

        target.Address.ShouldBe(new Uri("https://vault.internal:8200"));
        target.Token.ShouldBe("env-token");
    }

    [Fact]
    public void The_token_file_in_home_is_the_last_resort()
    {
        var environment = new FakeEnvironment().WithFile("/home/tester/.vault-token", "file-token\n");

        var target = VaultTarget.Resolve(Settings(), environment);

        target.Token.ShouldBe("file-token");
        target.Address.ShouldBe(new Uri(VaultTarget.DefaultAddress));
    }

    [Fact]
    public void No_token_anywhere_is_a_clear_error() =>
        Should.Throw<LaunchException>(() => VaultTarget.Resolve(Settings(), new FakeEnvironment())).Message.ShouldStartWith("no Vault token");

    [Fact]
    public void The_target_never_prints_its_token() =>
        VaultTarget.Resolve(Settings("s.verysecret"), new FakeEnvironment()).ToString().ShouldNotContain("verysecret");
}
