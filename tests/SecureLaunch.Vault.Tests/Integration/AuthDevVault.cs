using System.Security.Cryptography;
using SecureLaunch.DevVault;

namespace SecureLaunch.Vault.Tests.Integration;

/// <summary>
/// A dev Vault with a policy, an AppRole, a userpass user, a JWT role and a Kubernetes role, all logging in to
/// tokens with the <c>app-read</c> policy (read <c>secret/app</c>, nothing else).
/// </summary>
internal static class AuthDevVault
{
    public const string RoleId = "int-role-id-5d1f";
    public const string SecretId = "int-secret-id-a93c";
    public const string Password = "int-password-Q7w";
    public const string ApiKey = "int-kv-value-sk_test_981";
    public const string Audience = "securelaunch";

    public const string Seed = $$"""
        dev:
          kv:
            secret/app: { api_key: {{ApiKey}} }
            secret/other: { x: not-yours }
          policies:
            app-read: |
              path "secret/data/app" {
                capabilities = ["read"]
              }
              path "auth/approle/role/app/secret-id" {
                capabilities = ["update"]
              }
          approle:
            roles:
              app: { roleId: {{RoleId}}, secretId: {{SecretId}}, tokenPolicies: [app-read], tokenTtl: 10m, tokenMaxTtl: 1h }
          userpass:
            users:
              ci: { password: {{Password}}, tokenPolicies: [app-read], tokenTtl: 10m, tokenMaxTtl: 1h }
        """;

    public static readonly RSA JwtKey = RSA.Create(2048);

    public static readonly DevKubernetesServiceAccount ServiceAccount = new("web", "prod");

    public static async Task<DevVaultServer> StartAsync(CancellationToken cancellationToken)
    {
        var app = new DevTokenSettings { Policies = ["app-read"], Ttl = TimeSpan.FromMinutes(10) };
        var seed = DevVaultSeed.FromYaml(Seed, "auth.yaml") with
        {
            Jwt = new DevJwtConfig
            {
                ValidationPublicKeys = [JwtKey.ExportSubjectPublicKeyInfoPem()],
                DefaultRole = "ci",
                Roles = new Dictionary<string, DevJwtRole> { ["ci"] = new("sub") { BoundAudiences = [Audience], Token = app } },
            },
            Kubernetes = new DevKubernetesAuth
            {
                Roles = new Dictionary<string, DevKubernetesRole> { ["web"] = new(["web"], ["prod"]) { Token = app } },
                ServiceAccountTokens = new Dictionary<string, DevKubernetesServiceAccount> { [ServiceAccountJwt] = ServiceAccount },
            },
        };
        return await DevVaultServer.StartAsync(new DevVaultOptions { Seed = seed }, cancellationToken);
    }

    public static string ServiceAccountJwt { get; } = ServiceAccount.CreateToken();

    /// <summary>An RS256 JWT as a CI provider would issue it, signed with <see cref="JwtKey"/>.</summary>
    public static string MintJwt(string subject = "ci-pipeline", string audience = Audience) =>
        SecureLaunch.TestKit.TestJwts.Mint(JwtKey, subject, audience);

    public static VaultClient ClientFor(DevVaultServer vault, string? token = null, Microsoft.Extensions.Logging.ILogger? logger = null) =>
        new(
            new VaultClientOptions
            {
                Address = vault.Address,
                Token = token,
                RetryBaseDelay = TimeSpan.FromMilliseconds(20),
                RetryMaxDelay = TimeSpan.FromMilliseconds(100),
            },
            logger);
}
