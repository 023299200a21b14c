using System.Security.Cryptography.X509Certificates;

namespace SecureLaunch.Conformance.Tests.Secrets;

/// <summary>The bootstrap's <c>web</c> role: names under <c>internal</c>, 1 h by default, max 72 h, issued under a lease.</summary>
public sealed class PkiTests
{
    [Fact]
    public async Task Issue_returns_a_certificate_for_the_name_its_key_and_chain_under_a_non_renewable_lease_of_its_ttl()
    {
        await using var vault = await VaultTarget.StartAsync();

        var issue = await vault.PostAsync("pki/issue/web", new JsonObject { ["common_name"] = "conf.internal", ["alt_names"] = "api.conf.internal", ["ttl"] = "30m" });

        issue.Status.ShouldBe(HttpStatusCode.OK);
        issue.Number("lease_duration").ShouldBe(1800);
        issue.Flag("renewable").ShouldBeFalse();
        issue.Text("lease_id").ShouldStartWith("pki/issue/web/");
        issue.Text("data.private_key_type").ShouldBe("rsa");
        issue.Text("data.private_key").ShouldStartWith("-----BEGIN RSA PRIVATE KEY-----");
        issue.Text("data.serial_number").ShouldMatch("^[0-9a-f]{2}(:[0-9a-f]{2})+$");
        issue.Strings("data.ca_chain").ShouldContain(issue.Text("data.issuing_ca"));
        using var certificate = X509Certificate2.CreateFromPem(issue.Text("data.certificate"));
        certificate.GetNameInfo(X509NameType.SimpleName, false).ShouldBe("conf.internal");
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().Order().ShouldBe(["api.conf.internal", "conf.internal"]);
        new DateTimeOffset(certificate.NotAfter).ToUnixTimeSeconds().ShouldBe(issue.Number("data.expiration"));
        using var ca = X509Certificate2.CreateFromPem(issue.Text("data.issuing_ca"));
        certificate.Issuer.ShouldBe(ca.Subject);
    }

    [Fact]
    public async Task A_name_the_role_does_not_allow_is_400()
    {
        await using var vault = await VaultTarget.StartAsync();

        var issue = await vault.PostAsync("pki/issue/web", new JsonObject { ["common_name"] = "example.com" });

        issue.Status.ShouldBe(HttpStatusCode.BadRequest);
        issue.Errors.Single().ShouldContain("example.com");
    }
}
