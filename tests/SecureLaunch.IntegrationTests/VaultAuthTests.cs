using System.Net.Http.Json;
using System.Text.Json;
using SecureLaunch.DevVault;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary><c>run</c> logging in with the spec's auth method, and unsealing a sealed Vault, against the dev Vault.</summary>
public sealed class VaultAuthTests
{
    private const string Seed = """
        dev:
          kv: { secret/app/config: { greeting: hello-from-vault } }
          database: { roles: { app: { ttl: 30s, maxTtl: 2m } } }
          policies:
            app: |
              path "secret/data/app/*" { capabilities = ["read"] }
              path "database/creds/app" { capabilities = ["read"] }
              path "sys/leases/revoke" { capabilities = ["update"] }
          approle:
            roles:
              ci: { roleId: ci-role-id, secretId: ci-secret-id-0a1b2c, tokenPolicies: [app], tokenTtl: 10m }
          userpass:
            users:
              alice: { password: wonderland-9x7, tokenPolicies: [app], tokenTtl: 10m }
        """;

    private static string Spec(string name, string auth) => $$$"""
        version: 1
        name: {{{name}}}
        vault:
          auth:
        {{{auth}}}
        secrets:
          config: { path: secret/app/config }
          db: { path: database/creds/app }
        containers:
          main:
            image: busybox:stable
            command: ["sh", "-c", "echo $${GREETING#hello-}"]
            env:
              GREETING: "{{ config.greeting }}"
              DB_USER: "{{ db.username }}"
        """;

    [Fact]
    public async Task Approle_with_a_secret_id_file_logs_in_deletes_the_file_and_revokes_its_token_at_the_end()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name,
            "    method: approle\n    roleId: ci-role-id\n    secretIdFile: secret-id\n    removeSecretIdFile: true"));
        var secretIdFile = Path.Combine(spec.Path, "secret-id");
        await File.WriteAllTextAsync(secretIdFile, "ci-secret-id-0a1b2c\n", TestContext.Current.CancellationToken);
        var cli = new CliRun(new TestEnvironment(spec.Path, new Dictionary<string, string> { ["VAULT_ADDR"] = fixture.Vault.Address.ToString() }));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

        cli.Stdout.ShouldBe("from-vault\n");
        File.Exists(secretIdFile).ShouldBeFalse();
        cli.Stderr.ShouldContain("vault auth: logged in with approle auth at auth/approle");
        cli.Stderr.ShouldContain("revoked the Vault token this launch logged in for");
        cli.Stderr.ShouldNotContain("ci-secret-id-0a1b2c");
        fixture.Vault.Leases.ShouldHaveSingleItem().Revoked.ShouldBeTrue();
    }

    [Fact]
    public async Task Userpass_reads_its_password_from_an_environment_variable()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "    method: userpass\n    username: alice\n    passwordEnv: ALICE_PASSWORD"));
        var cli = new CliRun(new TestEnvironment(spec.Path, new Dictionary<string, string>
        {
            ["VAULT_ADDR"] = fixture.Vault.Address.ToString(),
            ["ALICE_PASSWORD"] = "wonderland-9x7",
        }));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

        cli.Stdout.ShouldBe("from-vault\n");
        cli.Stderr.ShouldNotContain("wonderland-9x7");
    }

    [Fact]
    public async Task Jwt_from_a_ci_variable_and_kubernetes_from_a_service_account_token_file_log_in()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var account = new DevKubernetesServiceAccount("web", "prod");
        var accountToken = account.CreateToken();
        var app = new DevTokenSettings { Policies = ["app"], Ttl = TimeSpan.FromMinutes(10) };
        var seed = DevVaultSeed.FromYaml(Seed, "seed.yaml") with
        {
            Jwt = new DevJwtConfig
            {
                ValidationPublicKeys = [key.ExportSubjectPublicKeyInfoPem()],
                Roles = new Dictionary<string, DevJwtRole> { ["deploy"] = new("sub") { BoundAudiences = ["vault"], Token = app } },
            },
            Kubernetes = new DevKubernetesAuth
            {
                Roles = new Dictionary<string, DevKubernetesRole> { ["web"] = new(["web"], ["prod"]) { Token = app } },
                ServiceAccountTokens = new Dictionary<string, DevKubernetesServiceAccount> { [accountToken] = account },
            },
        };
        await using var vault = await DevVaultServer.StartAsync(new DevVaultOptions { Seed = seed }, TestContext.Current.CancellationToken);
        var jwt = SecureLaunch.TestKit.TestJwts.Mint(key, "repo:acme/app", "vault");

        using var jwtSpec = new SpecDirectory(Spec("jwt-login", "    method: jwt\n    role: deploy\n    jwtEnv: CI_JOB_JWT"));
        var jwtRun = new CliRun(new TestEnvironment(jwtSpec.Path, new Dictionary<string, string>
        {
            ["VAULT_ADDR"] = vault.Address.ToString(),
            ["CI_JOB_JWT"] = jwt,
        }));
        (await jwtRun.RunAsync("run", "-f", jwtSpec.File)).ShouldBe(0, jwtRun.Stderr);
        jwtRun.Stdout.ShouldBe("from-vault\n");
        jwtRun.Stderr.ShouldNotContain(jwt);

        using var k8sSpec = new SpecDirectory(Spec("k8s-login", "    method: kubernetes\n    role: web\n    tokenFile: sa-token"));
        await File.WriteAllTextAsync(Path.Combine(k8sSpec.Path, "sa-token"), accountToken, TestContext.Current.CancellationToken);
        var k8sRun = new CliRun(new TestEnvironment(k8sSpec.Path, new Dictionary<string, string> { ["VAULT_ADDR"] = vault.Address.ToString() }));
        (await k8sRun.RunAsync("run", "-f", k8sSpec.File)).ShouldBe(0, k8sRun.Stderr);
        k8sRun.Stdout.ShouldBe("from-vault\n");
        k8sRun.Stderr.ShouldContain("revoked the Vault token this launch logged in for");
    }

    [Fact]
    public async Task A_wrong_secret_id_fails_with_125_naming_the_auth_section_and_starts_nothing()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "    method: approle\n    roleId: ci-role-id\n    secretIdEnv: SID"));
        var cli = new CliRun(new TestEnvironment(spec.Path, new Dictionary<string, string>
        {
            ["VAULT_ADDR"] = fixture.Vault.Address.ToString(),
            ["SID"] = "not-the-secret-id",
        }));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(125);

        cli.Stderr.ShouldContain("securelaunch: error: securelaunch.yaml:4:3: vault login with approle auth at auth/approle:");
        cli.Stderr.ShouldNotContain("not-the-secret-id");
        fixture.Vault.Leases.ShouldBeEmpty();
        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sealed_vault_is_unsealed_with_the_keys_file_before_the_launch()
    {
        var storage = Directory.CreateTempSubdirectory("securelaunch-sealed-").FullName;
        try
        {
            var (keysFile, rootToken) = await InitializeAsync(storage);
            await using var vault = await DevVaultServer.StartAsync(
                new DevVaultOptions { Storage = $"file:{storage}", Seed = DevVaultSeed.FromYaml(Seed, "seed.yaml") }, TestContext.Current.CancellationToken);
            vault.Status.ShouldBe(DevVaultStatus.Sealed);
            using var spec = new SpecDirectory(Spec("unseal-test", "    method: token").Replace(
                "  auth:", $"  unseal: {{ keysFile: {keysFile} }}\n  auth:", StringComparison.Ordinal));
            var cli = new CliRun(new TestEnvironment(spec.Path, new Dictionary<string, string>
            {
                ["VAULT_ADDR"] = vault.Address.ToString(),
                ["VAULT_TOKEN"] = rootToken,
            }));

            (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

            cli.Stderr.ShouldContain("unseal progress 2/2");
            cli.Stdout.ShouldBe("from-vault\n");
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    [Fact]
    public async Task A_sealed_vault_without_unseal_keys_fails_with_125_saying_how_to_unseal()
    {
        var storage = Directory.CreateTempSubdirectory("securelaunch-sealed-").FullName;
        try
        {
            var (_, rootToken) = await InitializeAsync(storage);
            await using var vault = await DevVaultServer.StartAsync(
                new DevVaultOptions { Storage = $"file:{storage}", Seed = DevVaultSeed.FromYaml(Seed, "seed.yaml") }, TestContext.Current.CancellationToken);
            using var spec = new SpecDirectory(Spec("sealed-no-keys", "    method: token"));
            var cli = new CliRun(new TestEnvironment(spec.Path, new Dictionary<string, string>
            {
                ["VAULT_ADDR"] = vault.Address.ToString(),
                ["VAULT_TOKEN"] = rootToken,
            }));

            (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(125);

            cli.Stderr.ShouldContain("sealed, and the spec has no vault.unseal keys; unseal it with securelaunch vault unseal, or add vault.unseal.keysFile to the spec");
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    /// <summary>Initialises a file-storage dev Vault (3 shares, threshold 2), writes some data, and returns the init JSON file and root token.</summary>
    private static async Task<(string KeysFile, string RootToken)> InitializeAsync(string storage)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var vault = await DevVaultServer.StartAsync(
            new DevVaultOptions { Storage = $"file:{storage}", Seed = DevVaultSeed.FromYaml(Seed, "seed.yaml") }, ct);
        using var http = new HttpClient { BaseAddress = vault.Address };
        var response = await http.PutAsJsonAsync("v1/sys/init", new { secret_shares = 3, secret_threshold = 2 }, ct);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsStringAsync(ct);
        var keysFile = Path.Combine(storage, "..", $"{Path.GetFileName(storage)}-init.json");
        await File.WriteAllTextAsync(keysFile, json, ct);
        using var document = JsonDocument.Parse(json);
        return (Path.GetFullPath(keysFile), document.RootElement.GetProperty("root_token").GetString()!);
    }
}
