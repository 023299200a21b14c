using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Tests.Auth.Jwt;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Auth.Kubernetes;

public sealed class KubernetesLoginTests
{
    private static readonly DevKubernetesServiceAccount Web = new("web", "prod") { Uid = "0b4e1c8a-0000-4000-8000-000000000001" };

    [Fact]
    public async Task A_reviewed_service_account_token_logs_in_with_the_roles_policies()
    {
        var jwt = Web.CreateToken();
        await using var vault = await DevVaultHarness.StartAsync(Seed(jwt));

        var login = await LoginAsync(vault, "app", jwt);

        login.Status.ShouldBe(HttpStatusCode.OK);
        var auth = login.Json["auth"]!;
        auth["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["default", "web"]);
        auth["metadata"]!["service_account_name"]!.GetValue<string>().ShouldBe("web");
        auth["metadata"]!["service_account_namespace"]!.GetValue<string>().ShouldBe("prod");
        auth["metadata"]!["service_account_uid"]!.GetValue<string>().ShouldBe(Web.Uid);
        auth["metadata"]!["role"]!.GetValue<string>().ShouldBe("app");
        login.Json["mount_type"]!.GetValue<string>().ShouldBe("kubernetes");
        var lookup = await vault.GetAsync("/v1/auth/token/lookup-self", auth["client_token"]!.GetValue<string>());
        lookup.Data["display_name"]!.GetValue<string>().ShouldBe("kubernetes-prod-web");
    }

    [Fact]
    public async Task A_token_the_review_does_not_know_is_403_permission_denied()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seed(Web.CreateToken()));

        var login = await LoginAsync(vault, "app", Web.CreateToken());

        login.Status.ShouldBe(HttpStatusCode.Forbidden);
        login.Errors.ShouldBe(["permission denied"]);
    }

    [Fact]
    public async Task A_service_account_or_namespace_outside_the_role_is_403()
    {
        var other = new DevKubernetesServiceAccount("batch", "prod");
        var elsewhere = new DevKubernetesServiceAccount("web", "dev");
        var otherJwt = other.CreateToken();
        var elsewhereJwt = elsewhere.CreateToken();
        var seed = Seed(Web.CreateToken());
        seed = seed with
        {
            Kubernetes = seed.Kubernetes! with
            {
                ServiceAccountTokens = new Dictionary<string, DevKubernetesServiceAccount> { [otherJwt] = other, [elsewhereJwt] = elsewhere },
            },
        };
        await using var vault = await DevVaultHarness.StartAsync(seed);

        (await LoginAsync(vault, "app", otherJwt)).Errors.ShouldBe(["service account name not authorized"]);
        (await LoginAsync(vault, "app", elsewhereJwt)).Errors.ShouldBe(["namespace not authorized"]);
        (await LoginAsync(vault, "app", elsewhereJwt)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("{\"jwt\": \"x\"}", "missing role")]
    [InlineData("{\"role\": \"app\"}", "missing jwt")]
    [InlineData("{\"role\": \"nope\", \"jwt\": \"x\"}", "invalid role name \"nope\"")]
    public async Task Malformed_logins_are_400(string body, string error)
    {
        await using var vault = await DevVaultHarness.StartAsync(Seed(Web.CreateToken()));

        var call = await vault.PostAsync("/v1/auth/kubernetes/login", body, token: null);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task With_pem_keys_configured_the_token_signature_is_checked()
    {
        using var key = RSA.Create(2048);
        var claims = new JsonObject
        {
            ["iss"] = "kubernetes/serviceaccount",
            ["kubernetes.io"] = new JsonObject
            {
                ["namespace"] = "prod",
                ["serviceaccount"] = new JsonObject { ["name"] = "web", ["uid"] = Web.Uid },
            },
            ["aud"] = "vault",
        };
        var signed = JwtSigner.Sign(key, "RS256", claims);
        var unsigned = Web.CreateToken();
        var seed = Seed(signed);
        seed = seed with { Kubernetes = seed.Kubernetes! with { ServiceAccountTokens = new Dictionary<string, DevKubernetesServiceAccount> { [signed] = Web, [unsigned] = Web } } };
        await using var vault = await DevVaultHarness.StartAsync(seed);
        await vault.PostAsync("/v1/auth/kubernetes/config", new JsonObject { ["kubernetes_host"] = "https://k8s", ["pem_keys"] = new JsonArray(JwtSigner.PublicPem(key)) });

        (await LoginAsync(vault, "app", signed)).Status.ShouldBe(HttpStatusCode.OK);
        (await LoginAsync(vault, "app", unsigned)).Errors.ShouldBe(["permission denied"]);
    }

    [Fact]
    public async Task A_role_audience_must_be_in_the_token()
    {
        var jwt = Web.CreateToken();
        await using var vault = await DevVaultHarness.StartAsync(Seed(jwt));
        await vault.PostAsync("/v1/auth/kubernetes/role/aud", new JsonObject
        {
            ["bound_service_account_names"] = "web",
            ["bound_service_account_namespaces"] = "prod",
            ["audience"] = "vault",
        });

        var login = await LoginAsync(vault, "aud", jwt);

        login.Status.ShouldBe(HttpStatusCode.Forbidden);
        login.Errors.ShouldBe(["invalid audience (aud) claim: audience claim does not match any expected audience"]);
    }

    [Fact]
    public async Task Config_and_roles_are_written_and_read_back()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var noHost = await vault.PostAsync("/v1/auth/kubernetes/config", new JsonObject());
        var config = await vault.PostAsync("/v1/auth/kubernetes/config", new JsonObject { ["kubernetes_host"] = "https://192.168.99.100:8443", ["token_reviewer_jwt"] = "x" });
        var role = await vault.PostAsync("/v1/auth/kubernetes/role/dev-role", new JsonObject
        {
            ["bound_service_account_names"] = "vault-auth",
            ["bound_service_account_namespaces"] = "default",
            ["token_policies"] = new JsonArray("dev", "prod"),
            ["token_max_ttl"] = 1800000,
        });
        var readConfig = await vault.GetAsync("/v1/auth/kubernetes/config");
        var readRole = await vault.GetAsync("/v1/auth/kubernetes/role/dev-role");
        var empty = await vault.PostAsync("/v1/auth/kubernetes/role/bad", new JsonObject { ["bound_service_account_names"] = "x" });

        noHost.Errors.ShouldBe(["no host provided"]);
        config.Status.ShouldBe(HttpStatusCode.NoContent);
        role.Status.ShouldBe(HttpStatusCode.NoContent);
        readConfig.Data["kubernetes_host"]!.GetValue<string>().ShouldBe("https://192.168.99.100:8443");
        readConfig.Data["token_reviewer_jwt_set"]!.GetValue<bool>().ShouldBeTrue();
        readConfig.Body.ShouldNotContain("\"token_reviewer_jwt\"");
        readRole.Data["bound_service_account_names"]!.AsArray().Single()!.GetValue<string>().ShouldBe("vault-auth");
        readRole.Data["token_max_ttl"]!.GetValue<long>().ShouldBe(1800000);
        empty.Errors.ShouldBe(["\"bound_service_account_namespaces\" can not be empty"]);
    }

    private static DevVaultSeed Seed(string jwt) => new()
    {
        Kubernetes = new DevKubernetesAuth
        {
            Roles = new Dictionary<string, DevKubernetesRole>
            {
                ["app"] = new(["web"], ["prod"]) { Token = new DevTokenSettings { Policies = ["web"] } },
            },
            ServiceAccountTokens = new Dictionary<string, DevKubernetesServiceAccount> { [jwt] = Web },
        },
    };

    private static Task<VaultCall> LoginAsync(DevVaultHarness vault, string role, string jwt) =>
        vault.PostAsync("/v1/auth/kubernetes/login", new JsonObject { ["role"] = role, ["jwt"] = jwt }, token: null);
}
