using SecureLaunch.TestKit;
using Microsoft.Extensions.Logging;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Http;

/// <summary>TLS options against a real HTTPS listener with certificates the test makes.</summary>
public sealed class TlsTests : IDisposable
{
    private static readonly Lazy<X509Set> Certificates = new(() => new X509Set());
    private readonly string _dir = Directory.CreateTempSubdirectory("vault-tls-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static X509Set Certs => Certificates.Value;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_ca_file_makes_the_server_trusted()
    {
        await using var server = new TlsTestServer(Certs.Server, Samples.Health);
        using var client = Client(server, new VaultTlsOptions { CaCertificateFile = Write("ca.pem", TestCertificates.ToPem(Certs.Ca)) });

        (await client.GetHealthAsync(Ct)).StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task A_ca_given_as_pem_text_among_other_certificates_makes_the_server_trusted()
    {
        await using var server = new TlsTestServer(Certs.Server, Samples.Health);
        var bundle = TestCertificates.ToPem(Certs.OtherCa) + "\n" + TestCertificates.ToPem(Certs.Ca);
        using var client = Client(server, new VaultTlsOptions { CaCertificatePem = bundle });

        (await client.GetHealthAsync(Ct)).Initialized.ShouldBeTrue();
    }

    [Fact]
    public async Task Without_the_ca_the_handshake_fails_as_unreachable_and_is_not_retried()
    {
        await using var server = new TlsTestServer(Certs.Server, Samples.Health);
        using var client = Client(server, new VaultTlsOptions());

        var error = await Should.ThrowAsync<VaultUnreachableException>(() => client.GetHealthAsync(Ct));

        error.Reason.ShouldBe(VaultUnreachableReason.ConnectionFailed);
        error.InnerException.ShouldBeOfType<HttpRequestException>().HttpRequestError.ShouldBe(HttpRequestError.SecureConnectionError);
        error.Message.ShouldEndWith("the TLS handshake failed (Vault's certificate is not trusted by the CA given, or not issued for this address).");
        server.Handshakes.ShouldBe(1);
    }

    [Fact]
    public async Task A_certificate_from_another_ca_is_refused_as_the_given_ca_replaces_trust()
    {
        await using var server = new TlsTestServer(Certs.Server, Samples.Health);
        using var client = Client(server, new VaultTlsOptions { CaCertificatePem = TestCertificates.ToPem(Certs.OtherCa) });

        (await Should.ThrowAsync<VaultUnreachableException>(() => client.GetHealthAsync(Ct))).Reason.ShouldBe(VaultUnreachableReason.ConnectionFailed);
    }

    [Fact]
    public async Task The_ca_never_relaxes_the_name_check()
    {
        await using var server = new TlsTestServer(Certs.WrongName, Samples.Health);
        using var client = Client(server, new VaultTlsOptions { CaCertificatePem = TestCertificates.ToPem(Certs.Ca) });

        await Should.ThrowAsync<VaultUnreachableException>(() => client.GetHealthAsync(Ct));
    }

    [Fact]
    public async Task Skip_verify_accepts_any_certificate_and_warns_loudly()
    {
        var logger = new RecordingLogger();
        await using var server = new TlsTestServer(Certs.WrongName, Samples.Health);
        using var client = Client(server, new VaultTlsOptions { SkipVerify = true }, logger);

        (await client.GetHealthAsync(Ct)).StatusCode.ShouldBe(200);
        logger.At(LogLevel.Warning).ShouldContain(l => l.Contains("TLS verification of Vault at") && l.Contains("is OFF"));
    }

    [Fact]
    public async Task A_client_certificate_from_pem_files_is_presented()
    {
        await using var server = new TlsTestServer(Certs.Server, Samples.Health, requireClientCertificate: true);
        using var client = Client(server, new VaultTlsOptions
        {
            CaCertificatePem = TestCertificates.ToPem(Certs.Ca),
            ClientCertificateFile = Write("client.pem", TestCertificates.ToPem(Certs.Client)),
            ClientKeyFile = Write("client-key.pem", TestCertificates.KeyPem(Certs.Client)),
        });

        (await client.GetHealthAsync(Ct)).StatusCode.ShouldBe(200);
        server.ClientSubject.ShouldBe("CN=securelaunch-client");
    }

    [Fact]
    public async Task A_loaded_client_certificate_is_presented()
    {
        await using var server = new TlsTestServer(Certs.Server, Samples.Health, requireClientCertificate: true);
        using var client = Client(server, new VaultTlsOptions { CaCertificatePem = TestCertificates.ToPem(Certs.Ca), ClientCertificate = Certs.Client });

        (await client.GetHealthAsync(Ct)).StatusCode.ShouldBe(200);
        server.ClientSubject.ShouldBe("CN=securelaunch-client");
    }

    [Fact]
    public void A_missing_ca_file_is_refused_naming_the_file()
    {
        var options = Options(new Uri("https://127.0.0.1:8200"), new VaultTlsOptions { CaCertificateFile = Path.Combine(_dir, "missing.pem") });

        Should.Throw<ArgumentException>(() => new VaultClient(options)).Message.ShouldContain("missing.pem");
    }

    [Fact]
    public void A_ca_file_without_a_certificate_is_refused()
    {
        var options = Options(new Uri("https://127.0.0.1:8200"), new VaultTlsOptions { CaCertificateFile = Write("empty.pem", "not a certificate") });

        Should.Throw<ArgumentException>(() => new VaultClient(options)).Message.ShouldContain("holds no PEM certificate");
    }

    [Fact]
    public void A_client_certificate_without_its_key_is_refused()
    {
        var options = Options(new Uri("https://127.0.0.1:8200"), new VaultTlsOptions { ClientCertificateFile = Write("c.pem", TestCertificates.ToPem(Certs.Client)) });

        Should.Throw<ArgumentException>(() => new VaultClient(options)).Message.ShouldContain("both its certificate file and its key file");
    }

    [Fact]
    public void A_key_file_that_is_not_a_key_is_refused_without_quoting_it()
    {
        var options = Options(new Uri("https://127.0.0.1:8200"), new VaultTlsOptions
        {
            ClientCertificateFile = Write("c.pem", TestCertificates.ToPem(Certs.Client)),
            ClientKeyFile = Write("k.pem", "-----BEGIN PRIVATE KEY-----\nS0VZTUFURVJJQUw=\n-----END PRIVATE KEY-----\n"),
        });

        var error = Should.Throw<ArgumentException>(() => new VaultClient(options));

        error.Message.ShouldContain("could not be loaded");
        error.ToString().ShouldNotContain("S0VZTUFURVJJQUw");
    }

    [Fact]
    public void Tls_options_with_a_handler_of_ones_own_are_refused_rather_than_ignored()
    {
        var options = Options(new Uri("https://127.0.0.1:8200"), new VaultTlsOptions { SkipVerify = true });

        Should.Throw<ArgumentException>(() => new VaultClient(options, new CannedHandler())).Message.ShouldContain("own handler");
    }

    private static VaultClientOptions Options(Uri address, VaultTlsOptions tls) => new()
    {
        Address = address,
        Tls = tls,
        MaxAttempts = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(10),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    private static VaultClient Client(TlsTestServer server, VaultTlsOptions tls, ILogger? logger = null) =>
        new(Options(server.Address, tls), logger);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Made once for the class: RSA key generation is the slow part.</summary>
    private sealed class X509Set
    {
        public X509Set()
        {
            Ca = TestCertificates.CreateCa("SecureLaunch Test CA");
            OtherCa = TestCertificates.CreateCa("Some Other CA");
            Server = TestCertificates.IssueServer(Ca);
            WrongName = TestCertificates.IssueServer(Ca, "vault.example");
            Client = TestCertificates.IssueClient(Ca);
        }

        public System.Security.Cryptography.X509Certificates.X509Certificate2 Ca { get; }

        public System.Security.Cryptography.X509Certificates.X509Certificate2 OtherCa { get; }

        public System.Security.Cryptography.X509Certificates.X509Certificate2 Server { get; }

        public System.Security.Cryptography.X509Certificates.X509Certificate2 WrongName { get; }

        public System.Security.Cryptography.X509Certificates.X509Certificate2 Client { get; }
    }
}
