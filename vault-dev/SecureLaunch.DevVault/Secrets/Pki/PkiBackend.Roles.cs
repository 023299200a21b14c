using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;

namespace SecureLaunch.DevVault.Secrets.Pki;

/// <summary>PKI roles: the name policy, key, TTLs and lease options the page documents (a subset of its fields).</summary>
internal sealed partial class PkiBackend
{
    private VaultResult ListRoles() =>
        _roles.Count == 0 ? VaultError.NotFound : new VaultResponse { Data = JsonOut.Keys(_roles.Keys.Order(StringComparer.Ordinal)), MountType = "pki" };

    private VaultResult ReadRole(string name)
    {
        if (!_roles.TryGetValue(name, out var role))
        {
            return VaultError.NotFound;
        }

        var data = new JsonObject
        {
            ["allow_any_name"] = role.AllowAnyName,
            ["allow_bare_domains"] = role.AllowBareDomains,
            ["allow_glob_domains"] = role.AllowGlobDomains,
            ["allow_ip_sans"] = role.AllowIpSans,
            ["allow_localhost"] = role.AllowLocalhost,
            ["allow_subdomains"] = role.AllowSubdomains,
            ["allowed_domains"] = JsonOut.Strings(role.AllowedDomains),
            ["enforce_hostnames"] = role.EnforceHostnames,
            ["generate_lease"] = role.GenerateLease,
            ["key_bits"] = role.KeyBits,
            ["key_type"] = role.KeyType,
            ["max_ttl"] = (long)role.MaxTtl.TotalSeconds,
            ["no_store"] = role.NoStore,
            ["ttl"] = (long)role.Ttl.TotalSeconds,
        };
        return new VaultResponse { Data = data, MountType = "pki" };
    }

    private VaultResult WriteRole(JsonObject data, string name)
    {
        var role = new PkiRole();
        if (!Fields.TryBool(data, "allow_any_name", role.AllowAnyName, out var anyName, out var error)
            || !Fields.TryBool(data, "allow_bare_domains", role.AllowBareDomains, out var bare, out error)
            || !Fields.TryBool(data, "allow_glob_domains", role.AllowGlobDomains, out var glob, out error)
            || !Fields.TryBool(data, "allow_ip_sans", role.AllowIpSans, out var ipSans, out error)
            || !Fields.TryBool(data, "allow_localhost", role.AllowLocalhost, out var localhost, out error)
            || !Fields.TryBool(data, "allow_subdomains", role.AllowSubdomains, out var subdomains, out error)
            || !Fields.TryBool(data, "enforce_hostnames", role.EnforceHostnames, out var enforce, out error)
            || !Fields.TryBool(data, "generate_lease", role.GenerateLease, out var lease, out error)
            || !Fields.TryBool(data, "no_store", role.NoStore, out var noStore, out error)
            || !Fields.TryInt(data, "key_bits", out var keyBits, out error)
            || !Fields.TryDuration(data, "ttl", out var ttl, out error)
            || !Fields.TryDuration(data, "max_ttl", out var maxTtl, out error))
        {
            return error!;
        }

        var keyType = Fields.String(data, "key_type") is { Length: > 0 } type ? type : "rsa";
        if (keyType is not ("rsa" or "ec"))
        {
            return VaultError.BadRequest($"key type \"{keyType}\" is not supported by the SecureLaunch dev server; use rsa or ec");
        }

        if (maxTtl > TimeSpan.Zero && ttl > maxTtl)
        {
            return VaultError.BadRequest("\"ttl\" value must be less than \"max_ttl\" value");
        }

        _roles[name] = role with
        {
            AllowAnyName = anyName,
            AllowBareDomains = bare,
            AllowGlobDomains = glob,
            AllowIpSans = ipSans,
            AllowLocalhost = localhost,
            AllowSubdomains = subdomains,
            AllowedDomains = Fields.StringList(data, "allowed_domains") ?? [],
            EnforceHostnames = enforce,
            GenerateLease = lease && !noStore,
            NoStore = noStore,
            KeyType = keyType,
            KeyBits = keyBits > 0 ? (int)keyBits : keyType == "ec" ? 256 : 2048,
            Ttl = ttl,
            MaxTtl = maxTtl,
        };
        return VaultNoContent.Instance;
    }

    private VaultNoContent DeleteRole(string name)
    {
        _roles.Remove(name);
        return VaultNoContent.Instance;
    }
}
