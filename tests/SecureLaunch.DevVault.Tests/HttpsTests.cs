using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Shouldly;

namespace SecureLaunch.DevVault.Tests;

public sealed class HttpsTests
{
    [Fact]
    public async Task With_a_certificate_the_server_speaks_https_and_a_client_trusting_it_gets_through()
    {
        using var certificate = SelfSigned();
        await using var server = await DevVaultServer.StartAsync(new DevVaultOptions { Certificate = certificate }, TestContext.Current.CancellationToken);
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, errors) =>
                errors == SslPolicyErrors.RemoteCertificateChainErrors && presented?.Thumbprint == certificate.Thumbprint,
        };
        using var client = new HttpClient(handler) { BaseAddress = server.Address };

        var health = await client.GetAsync("/v1/sys/health", TestContext.Current.CancellationToken);

        server.Address.Scheme.ShouldBe("https");
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_is_refused_at_the_handshake()
    {
        using var certificate = SelfSigned();
        await using var server = await DevVaultServer.StartAsync(new DevVaultOptions { Certificate = certificate }, TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = server.Address };

        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("/v1/sys/health", TestContext.Current.CancellationToken));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
