using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Auth.Jwt;

public sealed class JwtConfigAndRoleTests
{
    [Fact]
    public async Task Config_is_written_with_204_and_read_back_with_the_keys()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        using var rsa = RSA.Create(2048);
        var pem = JwtSigner.PublicPem(rsa);

        var write = await vault.PostAsync("/v1/auth/jwt/config", new JsonObject { ["jwt_validation_pubkeys"] = new JsonArray(pem), ["bound_issuer"] = "https://ci.example" });
        var read = await vault.GetAsync("/v1/auth/jwt/config");

        write.Status.ShouldBe(HttpStatusCode.NoContent);
        read.Data["bound_issuer"]!.GetValue<string>().ShouldBe("https://ci.example");
        read.Data["jwt_validation_pubkeys"]!.AsArray().Single()!.GetValue<string>().ShouldBe(pem);
        read.Data["oidc_discovery_url"]!.GetValue<string>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{}", "exactly one of 'jwt_validation_pubkeys', 'jwks_url' or 'oidc_discovery_url' must be set")]
    [InlineData("{\"jwt_validation_pubkeys\": [\"-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----\"]}", "error parsing public key: ")]
    [InlineData("{\"jwks_url\": \"https://x/jwks\"}", "not supported by the SecureLaunch dev server")]
    public async Task A_bad_config_is_400(string body, string error)
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/auth/jwt/config", body);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.Single().ShouldContain(error);
    }

    [Fact]
    public async Task A_role_is_written_read_listed_and_deleted()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        var body = new JsonObject
        {
            ["role_type"] = "jwt",
            ["user_claim"] = "sub",
            ["bound_audiences"] = "https://myco.test",
            ["bound_claims"] = new JsonObject { ["department"] = "engineering" },
            ["token_policies"] = new JsonArray("dev", "prod"),
        };

        var write = await vault.PostAsync("/v1/auth/jwt/role/dev-role", body);
        var read = await vault.GetAsync("/v1/auth/jwt/role/dev-role");
        var list = await vault.ListAsync("/v1/auth/jwt/role");
        var delete = await vault.DeleteAsync("/v1/auth/jwt/role/dev-role");

        write.Status.ShouldBe(HttpStatusCode.NoContent);
        read.Data["role_type"]!.GetValue<string>().ShouldBe("jwt");
        read.Data["bound_audiences"]!.AsArray().Single()!.GetValue<string>().ShouldBe("https://myco.test");
        read.Data["bound_claims"]!["department"]!.GetValue<string>().ShouldBe("engineering");
        read.Data["token_policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["dev", "prod"]);
        read.Data["user_claim"]!.GetValue<string>().ShouldBe("sub");
        list.Data["keys"]!.AsArray().Single()!.GetValue<string>().ShouldBe("dev-role");
        delete.Status.ShouldBe(HttpStatusCode.NoContent);
        (await vault.GetAsync("/v1/auth/jwt/role/dev-role")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"role_type\": \"jwt\", \"bound_subject\": \"x\"}", "a user claim must be defined on the role")]
    [InlineData("{\"role_type\": \"jwt\", \"user_claim\": \"sub\"}", "must have at least one bound constraint when creating/updating a role")]
    [InlineData("{\"user_claim\": \"sub\"}", "'allowed_redirect_uris' must be set if 'role_type' is 'oidc' or unspecified.")]
    [InlineData("{\"role_type\": \"saml\", \"user_claim\": \"sub\"}", "invalid 'role_type': saml")]
    public async Task A_bad_role_is_400(string body, string error)
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/auth/jwt/role/bad", body);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task An_oidc_role_cannot_be_used_for_jwt_login()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        using var rsa = RSA.Create(2048);
        await vault.PostAsync("/v1/auth/jwt/config", new JsonObject { ["jwt_validation_pubkeys"] = new JsonArray(JwtSigner.PublicPem(rsa)) });
        await vault.PostAsync("/v1/auth/jwt/role/web", new JsonObject { ["user_claim"] = "sub", ["allowed_redirect_uris"] = "https://app/callback" });

        var login = await vault.PostAsync("/v1/auth/jwt/login", new JsonObject { ["role"] = "web", ["jwt"] = "a.b.c" }, token: null);

        login.Errors.ShouldBe(["role with oidc role_type is not allowed"]);
    }
}
