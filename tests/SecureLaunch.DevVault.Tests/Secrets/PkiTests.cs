using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Secrets;

public sealed class PkiTests
{
    private static readonly DevVaultSeed Seed = new()
    {
        PkiRoles = new Dictionary<string, DevPkiRole>
        {
            ["web"] = new() { AllowedDomains = ["internal"], AllowSubdomains = true, Ttl = TimeSpan.FromHours(1), MaxTtl = TimeSpan.FromHours(2), GenerateLease = true },
            ["plain"] = new() { AllowAnyName = true, KeyType = "ec", KeyBits = 256 },
        },
    };

    [Fact]
    public async Task Issue_returns_a_certificate_for_the_name_signed_by_the_dev_ca_under_a_lease_of_its_ttl()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seed);

        var call = await vault.PostAsync("/v1/pki/issue/web", new JsonObject { ["common_name"] = "web.internal", ["alt_names"] = "api.internal", ["ip_sans"] = "127.0.0.1" });

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Json["lease_id"]!.GetValue<string>().ShouldStartWith("pki/issue/web/");
        call.Json["lease_duration"]!.GetValue<long>().ShouldBe(3600);
        call.Json["renewable"]!.GetValue<bool>().ShouldBeFalse();
        var data = call.Data;
        data.AsObject().Select(p => p.Key).Order().ShouldBe(["ca_chain", "certificate", "expiration", "issuing_ca", "private_key", "private_key_type", "serial_number"]);
        data["private_key_type"]!.GetValue<string>().ShouldBe("rsa");
        data["private_key"]!.GetValue<string>().ShouldStartWith("-----BEGIN RSA PRIVATE KEY-----");
        using var certificate = X509Certificate2.CreateFromPem(data["certificate"]!.GetValue<string>());
        using var ca = X509Certificate2.CreateFromPem(data["issuing_ca"]!.GetValue<string>());
        certificate.Subject.ShouldBe("CN=web.internal");
        certificate.Issuer.ShouldBe(ca.Subject);
        certificate.NotAfter.ToUniversalTime().ShouldBe(vault.Clock.GetUtcNow().AddHours(1).UtcDateTime);
        data["expiration"]!.GetValue<long>().ShouldBe(vault.Clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds());
        data["serial_number"]!.GetValue<string>().Split(':').Length.ShouldBe(20);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = vault.Clock.GetUtcNow().UtcDateTime;
        chain.Build(certificate).ShouldBeTrue();
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().ShouldBe(["web.internal", "api.internal"]);
        vault.Server.Leases.Single().Renewable.ShouldBeFalse();
    }

    [Fact]
    public async Task A_name_outside_the_role_or_an_unknown_role_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seed);

        var outside = await vault.PostAsync("/v1/pki/issue/web", new JsonObject { ["common_name"] = "web.example.com" });
        var bare = await vault.PostAsync("/v1/pki/issue/web", new JsonObject { ["common_name"] = "internal" });
        var unknown = await vault.PostAsync("/v1/pki/issue/nope", new JsonObject { ["common_name"] = "x.internal" });
        var noName = await vault.PostAsync("/v1/pki/issue/web", new JsonObject());

        outside.Errors.ShouldBe(["common name web.example.com not allowed by this role"]);
        bare.Errors.ShouldBe(["common name internal not allowed by this role"]);
        unknown.Errors.ShouldBe(["unknown role: nope"]);
        noName.Status.ShouldBe(HttpStatusCode.BadRequest);
        noName.Errors.Single().ShouldStartWith("the common_name field is required");
    }

    [Fact]
    public async Task A_ttl_past_the_roles_max_is_capped_with_a_warning()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seed);

        var call = await vault.PostAsync("/v1/pki/issue/web", new JsonObject { ["common_name"] = "a.internal", ["ttl"] = "5h" });

        call.Json["lease_duration"]!.GetValue<long>().ShouldBe(7200);
        call.Json["warnings"]!.AsArray().Single()!.GetValue<string>().ShouldContain("is longer than permitted maxTTL");
    }

    [Fact]
    public async Task A_role_without_generate_lease_issues_without_a_lease_and_ec_keys_when_asked()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seed);

        var call = await vault.PostAsync("/v1/pki/issue/plain", new JsonObject { ["common_name"] = "anything.example" });

        call.Json["lease_id"]!.GetValue<string>().ShouldBeEmpty();
        call.Json["lease_duration"]!.GetValue<long>().ShouldBe(0);
        call.Data["private_key_type"]!.GetValue<string>().ShouldBe("ec");
        call.Data["private_key"]!.GetValue<string>().ShouldStartWith("-----BEGIN EC PRIVATE KEY-----");
    }

    [Fact]
    public async Task Roles_are_written_read_and_the_ca_is_readable()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var write = await vault.PostAsync("/v1/pki/roles/svc", new JsonObject { ["allowed_domains"] = new JsonArray("svc.local"), ["allow_subdomains"] = true, ["max_ttl"] = "72h" });
        var read = await vault.GetAsync("/v1/pki/roles/svc");
        var ca = await vault.GetAsync("/v1/pki/cert/ca");
        var issued = await vault.PostAsync("/v1/pki/issue/svc", new JsonObject { ["common_name"] = "a.svc.local" });

        write.Status.ShouldBe(HttpStatusCode.NoContent);
        read.Data["allowed_domains"]!.AsArray().Single()!.GetValue<string>().ShouldBe("svc.local");
        read.Data["max_ttl"]!.GetValue<long>().ShouldBe(259200);
        ca.Data["certificate"]!.GetValue<string>().ShouldBe(issued.Data["issuing_ca"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_yaml_seed_declares_pki_roles()
    {
        var seed = DevVaultSeed.FromYaml("dev:\n  pki:\n    roles:\n      web: { allowedDomains: [internal], allowSubdomains: true, ttl: 10m, generateLease: true }\n", "spec.yaml");
        await using var vault = await DevVaultHarness.StartAsync(seed);

        var call = await vault.PostAsync("/v1/pki/issue/web", new JsonObject { ["common_name"] = "web.internal" });

        call.Json["lease_duration"]!.GetValue<long>().ShouldBe(600);
    }
}
