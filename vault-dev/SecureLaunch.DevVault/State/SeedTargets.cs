using SecureLaunch.DevVault.Auth.AppRole;
using SecureLaunch.DevVault.Auth.Jwt;
using SecureLaunch.DevVault.Auth.Kubernetes;
using SecureLaunch.DevVault.Auth.Userpass;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.Policies;
using SecureLaunch.DevVault.Secrets.Kv;
using SecureLaunch.DevVault.Secrets.Pki;

namespace SecureLaunch.DevVault.State;

/// <summary>
/// Where a seed's data goes, and writing it there: at start in dev mode, at <c>sys/init</c> with file storage
/// (then encrypted with everything else).
/// </summary>
internal sealed record SeedTargets(DevVaultState State, KvV1Backend Kv1, KvV2Backend Kv2, AppRoleBackend AppRole, UserpassBackend Userpass, JwtBackend Jwt, KubernetesBackend Kubernetes, PkiBackend Pki)
{
    public void Apply(DevVaultSeed seed, string rootToken)
    {
        var now = State.Now;
        State.RootToken = rootToken;
        State.Tokens.Add(new TokenEntry
        {
            Id = rootToken,
            Accessor = RandomIds.Base62String(24),
            Policies = ["root"],
            DisplayName = "root",
            Path = "auth/token/root",
            CreatedAt = now,
        });
        foreach (var (name, text) in seed.Policies)
        {
            State.Policies.Put(PolicyParser.Parse(PolicyStore.Sanitize(name), text).Policy!);
        }

        foreach (var (path, fields) in seed.Kv)
        {
            if (path.StartsWith(Kv2.Prefix, StringComparison.Ordinal))
            {
                Kv2.Seed(path[Kv2.Prefix.Length..], fields, now);
            }
            else
            {
                Kv1.Seed(path[Kv1.Prefix.Length..], fields);
            }
        }

        foreach (var (name, role) in seed.AppRoles)
        {
            AppRole.Seed(name, role, now);
        }

        foreach (var (name, user) in seed.UserpassUsers)
        {
            Userpass.Seed(name, user);
        }

        if (seed.Jwt is { } jwt)
        {
            Jwt.Seed(jwt);
        }

        if (seed.Kubernetes is { } kubernetes)
        {
            Kubernetes.Seed(kubernetes);
        }

        foreach (var (name, role) in seed.PkiRoles)
        {
            Pki.Seed(name, role);
        }
    }

    /// <summary>Checks what <see cref="Apply"/> would trip over, so a bad programmatic seed fails at start in every mode.</summary>
    /// <exception cref="ArgumentException">A KV path outside the KV mounts, or a policy Vault would refuse.</exception>
    public static void Validate(DevVaultSeed seed)
    {
        foreach (var path in seed.Kv.Keys.Where(p => !IsKvPath(p)))
        {
            throw new ArgumentException($"Seed path '{path}' must start with 'secret/' (KV v2) or 'kv/' (KV v1).", nameof(seed));
        }

        foreach (var (name, text) in seed.Policies)
        {
            var sanitized = PolicyStore.Sanitize(name);
            var error = sanitized is "root" or BuiltinPolicies.ResponseWrappingName
                ? $"cannot update \"{sanitized}\" policy"
                : PolicyParser.Parse(sanitized, text).Error;
            if (error is not null)
            {
                throw new ArgumentException($"Seed policy '{name}': {error}", nameof(seed));
            }
        }

        foreach (var pem in seed.Jwt?.ValidationPublicKeys ?? [])
        {
            if (JwtKeys.Parse(pem).Error is { } keyError)
            {
                throw new ArgumentException("Seed JWT key: " + keyError, nameof(seed));
            }
        }
    }

    private static bool IsKvPath(string path) =>
        (path.StartsWith("secret/", StringComparison.Ordinal) && path.Length > "secret/".Length)
        || (path.StartsWith("kv/", StringComparison.Ordinal) && path.Length > "kv/".Length);
}
