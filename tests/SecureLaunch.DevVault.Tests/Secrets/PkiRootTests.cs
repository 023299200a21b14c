using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Secrets;

public sealed class PkiRootTests
{
    [Fact]
    public async Task Generating_a_root_makes_the_new_ca_sign_what_pki_issue_hands_out()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/pki/roles/web", new JsonObject { ["allowed_domains"] = "internal", ["allow_subdomains"] = true });

        var root = await vault.PostAsync("/v1/pki/root/generate/internal", new JsonObject { ["common_name"] = "Example Root", ["ttl"] = "87600h" });
        var issued = await vault.PostAsync("/v1/pki/issue/web", new JsonObject { ["common_name"] = "a.internal" });

        root.Status.ShouldBe(HttpStatusCode.OK);
        root.Data.AsObject().Select(p => p.Key).Order().ShouldBe(["certificate", "expiration", "issuer_id", "issuer_name", "issuing_ca", "key_id", "key_name", "serial_number"]);
        root.Data["serial_number"]!.GetValue<string>().ShouldMatch("^[0-9a-f]{2}(:[0-9a-f]{2})+$");
        using var ca = X509Certificate2.CreateFromPem(root.Data["certificate"]!.GetValue<string>());
        ca.Subject.ShouldBe("CN=Example Root");
        ca.NotAfter.ToUniversalTime().ShouldBe(new DateTime(2035, 2, 27, 12, 0, 0, DateTimeKind.Utc));
        issued.Data["issuing_ca"]!.GetValue<string>().ShouldBe(root.Data["certificate"]!.GetValue<string>());
        (await vault.GetAsync("/v1/pki/cert/ca")).Data["certificate"]!.GetValue<string>().ShouldBe(root.Data["certificate"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_exported_root_returns_its_key_and_a_root_needs_a_common_name()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var exported = await vault.PostAsync("/v1/pki/root/generate/exported", new JsonObject { ["common_name"] = "Exported" });
        var nameless = await vault.PostAsync("/v1/pki/root/generate/internal", new JsonObject());

        exported.Data["private_key"]!.GetValue<string>().ShouldStartWith("-----BEGIN EC PRIVATE KEY-----");
        exported.Data["private_key_type"]!.GetValue<string>().ShouldBe("ec");
        nameless.Status.ShouldBe(HttpStatusCode.BadRequest);
        nameless.Errors.Single().ShouldStartWith("the common_name field is required");
    }
}
