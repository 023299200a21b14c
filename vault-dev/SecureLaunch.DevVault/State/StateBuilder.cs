using SecureLaunch.DevVault.Auth;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.Secrets.Database;
using SecureLaunch.DevVault.Secrets.Kv;
using SecureLaunch.DevVault.Sys;

namespace SecureLaunch.DevVault.State;

/// <summary>Builds the initial state and the mounted backends from the options and seed.</summary>
internal static class StateBuilder
{
    public static (DevVaultState State, IReadOnlyList<IVaultBackend> Backends, string RootToken) Build(DevVaultOptions options)
    {
        var seed = options.Seed ?? DevVaultSeed.Empty;
        var state = new DevVaultState(options.TimeProvider ?? TimeProvider.System, options.Status);
        var rootToken = options.RootToken ?? seed.RootToken ?? RandomIds.ServiceToken();
        state.Tokens.Add(new TokenEntry
        {
            Id = rootToken,
            Accessor = RandomIds.Base62String(24),
            Policies = ["root"],
            DisplayName = "root",
            Path = "auth/token/root",
            CreatedAt = state.StartedAt,
        });

        var kv1 = new KvV1Backend("kv/");
        var kv2 = new KvV2Backend("secret/");
        foreach (var (path, fields) in seed.Kv)
        {
            if (path.StartsWith(kv2.Prefix, StringComparison.Ordinal) && path.Length > kv2.Prefix.Length)
            {
                kv2.Seed(path[kv2.Prefix.Length..], fields, state.StartedAt);
            }
            else if (path.StartsWith(kv1.Prefix, StringComparison.Ordinal) && path.Length > kv1.Prefix.Length)
            {
                kv1.Seed(path[kv1.Prefix.Length..], fields);
            }
            else
            {
                throw new ArgumentException($"Seed path '{path}' must start with 'secret/' (KV v2) or 'kv/' (KV v1).", nameof(options));
            }
        }

        IVaultBackend[] backends =
        [
            new SystemBackend(state),
            new TokenBackend(state),
            kv2,
            kv1,
            new DatabaseBackend(state, new Dictionary<string, DevDatabaseRole>(seed.DatabaseRoles, StringComparer.Ordinal)),
        ];
        return (state, backends, rootToken);
    }
}
