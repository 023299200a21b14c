using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Launching;

public sealed class VaultTlsTests
{
    [Fact]
    public void Without_settings_or_environment_the_system_store_is_used() =>
        VaultTls.Resolve(null, new FakeEnvironment()).ShouldBeNull();

    [Fact]
    public void Vault_cacert_and_vault_skip_verify_apply_when_the_spec_is_silent()
    {
        var environment = new FakeEnvironment().With("VAULT_CACERT", "/etc/ca.pem").With("VAULT_SKIP_VERIFY", "true").WithFile("/etc/ca.pem", "PEM");

        var tls = VaultTls.Resolve(null, environment)!;

        (tls.CaCertificateFile, tls.SkipVerify).ShouldBe(("/etc/ca.pem", true));
    }

    [Fact]
    public void The_spec_wins_over_the_environment()
    {
        var environment = new FakeEnvironment().With("VAULT_CACERT", "/etc/ca.pem").WithFile("/work/spec-ca.pem", "PEM");

        VaultTls.Resolve(new TlsSettings { CaCertificateFile = "spec-ca.pem" }, environment)!.CaCertificateFile.ShouldBe("/work/spec-ca.pem");
    }

    [Fact]
    public void A_missing_ca_file_is_a_clear_error() =>
        Should.Throw<LaunchException>(() => VaultTls.Resolve(new TlsSettings { CaCertificateFile = "/nope.pem" }, new FakeEnvironment()))
            .Message.ShouldBe("Vault CA certificate /nope.pem (vault.tls.caCert or VAULT_CACERT): no such file");

    [Fact]
    public void Skip_verify_must_be_a_boolean() =>
        new SpecLoader(new FakeEnvironment()).Load("version: 1\nvault:\n  tls: { skipVerify: maybe }\ncontainers:\n  web: { image: busybox }\n", "spec.yaml", "t", [])
            .Errors.Select(e => e.ToString()).ShouldBe(["spec.yaml:3:22: 'maybe' must be true or false"]);
}
