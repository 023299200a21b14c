using SecureLaunch.DevVault.Auth;
using SecureLaunch.DevVault.Auth.AppRole;
using SecureLaunch.DevVault.Auth.Jwt;
using SecureLaunch.DevVault.Auth.Kubernetes;
using SecureLaunch.DevVault.Auth.Userpass;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.Secrets.Database;
using SecureLaunch.DevVault.Secrets.Kv;
using SecureLaunch.DevVault.Secrets.Pki;
using SecureLaunch.DevVault.Sys;
using SecureLaunch.DevVault.Sys.Seal;

namespace SecureLaunch.DevVault.State;

/// <summary>Builds the state, the mounted backends and the seal from the options; writes the seed in dev mode.</summary>
internal static class StateBuilder
{
    /// <exception cref="ArgumentException">A malformed <see cref="DevVaultOptions.Storage"/> or seed.</exception>
    public static (DevVaultState State, IReadOnlyList<IVaultBackend> Backends) Build(DevVaultOptions options)
    {
        var seed = options.Seed ?? DevVaultSeed.Empty;
        SeedTargets.Validate(seed);
        var directory = StorageDirectory(options.Storage);
        var state = new DevVaultState(options.TimeProvider ?? TimeProvider.System, options.Status);
        var targets = new SeedTargets(state, new KvV1Backend("kv/"), new KvV2Backend("secret/"), new AppRoleBackend(state), new UserpassBackend(state), new JwtBackend(state), new KubernetesBackend(state), new PkiBackend(state));
        if (seed.Kubernetes is { } kubernetes)
        {
            targets.Kubernetes.SeedReview(kubernetes);
        }

        IVaultBackend[] backends =
        [
            new SystemBackend(state),
            new TokenBackend(state),
            targets.AppRole,
            targets.Userpass,
            targets.Jwt,
            targets.Kubernetes,
            targets.Kv2,
            targets.Kv1,
            targets.Pki,
            new DatabaseBackend(state, new Dictionary<string, DevDatabaseRole>(seed.DatabaseRoles, StringComparer.Ordinal)),
        ];
        IPersistent[] parts = [state.Tokens, state.Leases, state.Policies, state.Wrapping, .. backends.OfType<IPersistent>()];
        state.Seal = new SealManager(state, parts, directory, rootToken => targets.Apply(seed, rootToken));
        if (directory is null)
        {
            targets.Apply(seed, options.RootToken ?? seed.RootToken ?? RandomIds.ServiceToken());
        }

        return (state, backends);
    }

    /// <summary>True for <c>file:DIR</c> storage.</summary>
    public static bool UsesFileStorage(string? storage) => !string.IsNullOrEmpty(storage) && storage != "inmem";

    /// <summary><c>inmem</c> (or null) for memory, <c>file:DIR</c> for an encrypted directory.</summary>
    private static string? StorageDirectory(string? storage)
    {
        if (string.IsNullOrEmpty(storage) || storage == "inmem")
        {
            return null;
        }

        return storage.StartsWith("file:", StringComparison.Ordinal) && storage.Length > "file:".Length
            ? Path.GetFullPath(storage["file:".Length..])
            : throw new ArgumentException($"Storage '{storage}' must be 'inmem' or 'file:DIR'.", nameof(storage));
    }
}
