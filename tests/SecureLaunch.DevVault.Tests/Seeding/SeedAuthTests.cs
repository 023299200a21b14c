using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Tests.Auth.Jwt;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Seeding;

public sealed class SeedAuthTests
{
    [Fact]
    public async Task A_spec_seeds_policies_approle_and_userpass_that_work_over_http()
    {
        const string yaml = """
            dev:
              kv:
                secret/app/db: { password: pw }
              policies:
                app: 'path "secret/data/app/*" { capabilities = ["read"] }'
              approle:
                roles:
                  ci:
                    roleId: ci-role
                    secretId: ci-secret
                    tokenPolicies: [app]
                    tokenTtl: 1h
                    tokenMaxTtl: 4h
              userpass:
                users:
                  alice: { password: wonderland, tokenPolicies: app, tokenTtl: 10m }
            """;
        await using var vault = await DevVaultHarness.StartAsync(DevVaultSeed.FromYaml(yaml, "spec.yaml"));

        var approle = await vault.PostAsync("/v1/auth/approle/login", new JsonObject { ["role_id"] = "ci-role", ["secret_id"] = "ci-secret" }, token: null);
        var userpass = await vault.PostAsync("/v1/auth/userpass/login/alice", new JsonObject { ["password"] = "wonderland" }, token: null);
        var token = approle.Json["auth"]!["client_token"]!.GetValue<string>();

        approle.Json["auth"]!["lease_duration"]!.GetValue<long>().ShouldBe(3600);
        userpass.Json["auth"]!["lease_duration"]!.GetValue<long>().ShouldBe(600);
        (await vault.GetAsync("/v1/secret/data/app/db", token)).Data["data"]!["password"]!.GetValue<string>().ShouldBe("pw");
        (await vault.GetAsync("/v1/kv/anything", token)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_spec_seeds_jwt_with_a_public_key_and_a_role()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = string.Concat(JwtSigner.PublicPem(key).Split('\n').Select(l => "        " + l + "\n"));
        var yaml = "dev:\n  jwt:\n    boundIssuer: https://ci.example\n    validationPublicKeys:\n      - |\n" + pem + """
                roles:
                  deploy:
                    userClaim: sub
                    boundAudiences: vault
                    boundClaims: { ref: [refs/heads/main] }
                    tokenPolicies: [ci]
            """;
        await using var vault = await DevVaultHarness.StartAsync(DevVaultSeed.FromYaml(yaml, "spec.yaml"));
        var now = vault.Clock.GetUtcNow().ToUnixTimeSeconds();
        var jwt = JwtSigner.Sign(key, "ES256", new JsonObject { ["iss"] = "https://ci.example", ["sub"] = "pipeline", ["aud"] = "vault", ["ref"] = "refs/heads/main", ["iat"] = now, ["exp"] = now + 300 });

        var login = await vault.PostAsync("/v1/auth/jwt/login", new JsonObject { ["role"] = "deploy", ["jwt"] = jwt }, token: null);

        login.Status.ShouldBe(HttpStatusCode.OK);
        login.Json["auth"]!["token_policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["ci", "default"]);
    }

    [Fact]
    public async Task A_spec_seeds_kubernetes_roles_and_reviewed_tokens_taking_the_account_from_the_claims()
    {
        var account = new DevKubernetesServiceAccount("web", "prod");
        var jwt = account.CreateToken();
        var yaml = $$"""
            dev:
              kubernetes:
                roles:
                  app: { boundServiceAccountNames: [web], boundServiceAccountNamespaces: prod, tokenPolicies: [web] }
                serviceAccounts:
                  - token: {{jwt}}
            """;
        await using var vault = await DevVaultHarness.StartAsync(DevVaultSeed.FromYaml(yaml, "spec.yaml"));

        var login = await vault.PostAsync("/v1/auth/kubernetes/login", new JsonObject { ["role"] = "app", ["jwt"] = jwt }, token: null);

        login.Status.ShouldBe(HttpStatusCode.OK);
        login.Json["auth"]!["metadata"]!["service_account_uid"]!.GetValue<string>().ShouldBe(account.Uid);
    }

    [Theory]
    [InlineData("dev:\n  policies:\n    bad: 'path \"x\" { capabilities = [\"fly\"] }'\n", 3, 10, "invalid capability \"fly\"")]
    [InlineData("dev:\n  policies:\n    root: 'path \"x\" {}'\n", 3, 5, "the policy is built in")]
    [InlineData("dev:\n  approle:\n    roles:\n      ci: { roleIdd: x }\n", 4, 13, "unknown key 'dev.approle.roles.ci.roleIdd'")]
    [InlineData("dev:\n  approle:\n    roles:\n      ci: { tokenTtl: 2h, tokenMaxTtl: 1h }\n", 4, 11, "cannot be greater than tokenMaxTtl")]
    [InlineData("dev:\n  userpass:\n    users:\n      bob: { tokenTtl: 1h }\n", 4, 12, "needs a password")]
    [InlineData("dev:\n  jwt:\n    validationPublicKeys: [nope]\n", 3, 28, "error parsing public key")]
    [InlineData("dev:\n  kubernetes:\n    serviceAccounts:\n      - { token: opaque }\n", 4, 18, "is not a JWT")]
    [InlineData("dev:\n  kubernetes:\n    roles:\n      app: { boundServiceAccountNames: [web] }\n", 4, 12, "needs boundServiceAccountNames and boundServiceAccountNamespaces")]
    public void Auth_seed_errors_name_file_line_and_column(string yaml, int line, int column, string what)
    {
        var error = Should.Throw<DevVaultSeedException>(() => DevVaultSeed.FromYaml(yaml, "s.yaml"));

        error.Message.ShouldStartWith($"s.yaml:{line}:{column}: ");
        error.Message.ShouldContain(what);
    }

    [Fact]
    public void Seeds_and_options_never_print_their_secrets()
    {
        var seed = new DevVaultSeed
        {
            RootToken = "root-secret-token",
            UserpassUsers = new Dictionary<string, DevUserpassUser> { ["alice"] = new("password-secret") },
        };
        var options = new DevVaultOptions { RootToken = "root-secret-token", Seed = seed };

        options.ToString().ShouldNotContain("root-secret-token");
        options.ToString().ShouldNotContain("password-secret");
        seed.UserpassUsers["alice"].ToString().ShouldNotContain("password-secret");
    }
}
