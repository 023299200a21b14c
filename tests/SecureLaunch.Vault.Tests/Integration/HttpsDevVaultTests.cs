using SecureLaunch.TestKit;
using SecureLaunch.DevVault;
using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Integration;

/// <summary>The dev Vault over HTTPS with a certificate the test makes: the client's CA, verification and logins.</summary>
public sealed class HttpsDevVaultTests
{
    private static readonly Lazy<(System.Security.Cryptography.X509Certificates.X509Certificate2 Ca, System.Security.Cryptography.X509Certificates.X509Certificate2 Server)> Certificates =
        new(() =>
        {
            var ca = TestCertificates.CreateCa("Dev Vault Test CA");
            return (ca, TestCertificates.IssueServer(ca));
        });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_ca_a_login_and_a_read_go_over_https()
    {
        await using var vault = await StartAsync();
        using var client = Client(vault, new VaultTlsOptions { CaCertificatePem = TestCertificates.ToPem(Certificates.Value.Ca) });

        await client.LoginAsync(new UserpassAuth { Username = "ci", Password = AuthDevVault.Password }, Ct);
        var secret = await client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct);

        vault.Address.Scheme.ShouldBe("https");
        secret.Data["api_key"].GetString().ShouldBe(AuthDevVault.ApiKey);
    }

    [Fact]
    public async Task Without_the_ca_the_client_refuses_the_server_and_says_the_handshake_failed()
    {
        await using var vault = await StartAsync();
        using var client = Client(vault, new VaultTlsOptions());

        var error = await Should.ThrowAsync<VaultUnreachableException>(
            () => client.LoginAsync(new UserpassAuth { Username = "ci", Password = AuthDevVault.Password }, Ct));

        error.Reason.ShouldBe(VaultUnreachableReason.ConnectionFailed);
        error.RequestMayHaveBeenSent.ShouldBeFalse();
        error.Message.ShouldContain("the TLS handshake failed");
    }

    [Fact]
    public async Task Skip_verify_reaches_it_with_a_warning()
    {
        var logger = new RecordingLogger();
        await using var vault = await StartAsync();
        using var client = Client(vault, new VaultTlsOptions { SkipVerify = true }, logger);

        (await client.GetHealthAsync(Ct)).StatusCode.ShouldBe(200);
        logger.Lines.ShouldContain(l => l.Contains("is OFF"));
    }

    private static Task<DevVaultServer> StartAsync() => DevVaultServer.StartAsync(
        new DevVaultOptions { Certificate = Certificates.Value.Server, Seed = DevVaultSeed.FromYaml(AuthDevVault.Seed, "auth.yaml") }, Ct);

    private static VaultClient Client(DevVaultServer vault, VaultTlsOptions tls, Microsoft.Extensions.Logging.ILogger? logger = null) =>
        new(new VaultClientOptions { Address = vault.Address, Tls = tls, MaxAttempts = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10) }, logger);
}
