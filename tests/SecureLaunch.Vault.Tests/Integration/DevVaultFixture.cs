using SecureLaunch.DevVault;

namespace SecureLaunch.Vault.Tests.Integration;

/// <summary>One embedded dev Vault per test, seeded with a KV v2 secret, a KV v1 secret and a database role.</summary>
internal static class DevVaultFixture
{
    public const string Seed = """
        dev:
          kv:
            secret/app: { k: v, other: "two" }
            kv/old: { k: v1-value }
          database:
            roles:
              app: { ttl: 30s, maxTtl: 2m }
        """;

    public static Task<DevVaultServer> StartAsync(CancellationToken cancellationToken) =>
        DevVaultServer.StartAsync(new DevVaultOptions { Seed = DevVaultSeed.FromYaml(Seed, "test.yaml") }, cancellationToken);

    public static VaultClient ClientFor(DevVaultServer vault, string? token = null) =>
        new(new VaultClientOptions
        {
            Address = vault.Address,
            Token = token ?? vault.RootToken,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RetryMaxDelay = TimeSpan.FromMilliseconds(100),
        });
}
