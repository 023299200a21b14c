using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth;

/// <summary><c>auth/token/roles</c>: LIST 200 (404 when there is none), read 200 or 404, write 204 (200 with warnings), delete 204.</summary>
internal sealed partial class TokenBackend
{
    private const string RolesPrefix = "roles/";

    private readonly Dictionary<string, TokenRole> _roles = new(StringComparer.Ordinal);

    private VaultResult HandleRoles(VaultRequest request, string subPath)
    {
        if (subPath is "roles" or "roles/")
        {
            return request.Operation == VaultOperation.List ? ListRoles() : VaultError.UnsupportedOperation;
        }

        var name = subPath[RolesPrefix.Length..];
        if (!RoleName().IsMatch(name))
        {
            return VaultError.UnsupportedPath;
        }

        return request.Operation switch
        {
            VaultOperation.Read => ReadRole(name),
            VaultOperation.Update => WriteRole(request.Data, name),
            VaultOperation.Delete => DeleteRole(name),
            _ => VaultError.UnsupportedOperation,
        };
    }

    private bool? RoleExists(string subPath)
    {
        var name = subPath[RolesPrefix.Length..];
        return RoleName().IsMatch(name) ? _roles.ContainsKey(name) : null;
    }

    private VaultResult ListRoles() =>
        _roles.Count == 0 ? VaultError.NotFound : new VaultResponse { Data = JsonOut.Keys(_roles.Keys.Order(StringComparer.Ordinal)), MountType = "token" };

    private VaultResult ReadRole(string name)
    {
        if (!_roles.TryGetValue(name, out var role))
        {
            return VaultError.NotFound;
        }

        var data = new JsonObject
        {
            ["allowed_entity_aliases"] = null,
            ["allowed_policies"] = JsonOut.Strings(role.AllowedPolicies),
            ["allowed_policies_glob"] = new JsonArray(),
            ["disallowed_policies"] = JsonOut.Strings(role.DisallowedPolicies),
            ["disallowed_policies_glob"] = new JsonArray(),
            ["explicit_max_ttl"] = (long)role.ExplicitMaxTtl.TotalSeconds,
            ["name"] = role.Name,
            ["orphan"] = role.Orphan,
            ["path_suffix"] = role.PathSuffix,
            ["period"] = (long)role.Period.TotalSeconds,
            ["renewable"] = role.Renewable,
            ["token_explicit_max_ttl"] = (long)role.TokenExplicitMaxTtl.TotalSeconds,
            ["token_no_default_policy"] = role.TokenNoDefaultPolicy,
            ["token_period"] = (long)role.TokenPeriod.TotalSeconds,
            ["token_type"] = role.TokenType,
        };
        if (role.TokenNumUses > 0)
        {
            data["token_num_uses"] = role.TokenNumUses;
        }

        return new VaultResponse { Data = data, MountType = "token" };
    }

    private VaultNoContent DeleteRole(string name)
    {
        _roles.Remove(name);
        return VaultNoContent.Instance;
    }

    /// <summary>Vault's <c>tokenStoreRoleCreateUpdate</c>: fields left out keep their value on update and take their default on create.</summary>
    private VaultResult WriteRole(JsonObject data, string name)
    {
        var current = _roles.GetValueOrDefault(name) ?? new TokenRole { Name = name };
        if (!Fields.TryBool(data, "orphan", current.Orphan, out var orphan, out var error)
            || !Fields.TryBool(data, "renewable", current.Renewable, out var renewable, out error)
            || !Fields.TryBool(data, "token_no_default_policy", current.TokenNoDefaultPolicy, out var noDefault, out error)
            || !Fields.TryInt(data, "token_num_uses", out var numUses, out error)
            || !Fields.TryDuration(data, "token_period", out var tokenPeriod, out error)
            || !Fields.TryDuration(data, "period", out var period, out error)
            || !Fields.TryDuration(data, "token_explicit_max_ttl", out var tokenExplicitMaxTtl, out error)
            || !Fields.TryDuration(data, "explicit_max_ttl", out var explicitMaxTtl, out error))
        {
            return error!;
        }

        if (UnsupportedRoleField(data) is { } unsupported)
        {
            return unsupported;
        }

        var pathSuffix = data.ContainsKey("path_suffix") ? Fields.String(data, "path_suffix") ?? string.Empty : current.PathSuffix;
        if (pathSuffix.Length > 0 && !PathSuffix().IsMatch(pathSuffix))
        {
            return VaultError.BadRequest("given role path suffix contains invalid characters; must match \\w[\\w-.]+\\w");
        }

        if (pathSuffix.Contains("..", StringComparison.Ordinal))
        {
            return VaultError.BadRequest("error registering path suffix: path cannot contain parent references");
        }

        if (numUses < 0)
        {
            return VaultError.BadRequest("error parsing role fields: 'token_num_uses' cannot be negative");
        }

        var tokenType = Fields.String(data, "token_type") ?? current.TokenType;
        if (tokenType is not ("default-service" or "service" or "default"))
        {
            return tokenType is "batch" or "default-batch"
                ? VaultError.BadRequest("batch tokens are not supported by the SecureLaunch dev server")
                : VaultError.BadRequest($"invalid 'token_type' value \"{tokenType}\"");
        }

        var warnings = new List<string>();
        var role = current with
        {
            AllowedPolicies = Fields.StringList(data, "allowed_policies") is { } allowed ? TokenPolicies.Sanitize(allowed, addDefault: false) : current.AllowedPolicies,
            DisallowedPolicies = Fields.StringList(data, "disallowed_policies") is { } disallowed ? TokenPolicies.Deduplicate(disallowed) : current.DisallowedPolicies,
            Orphan = orphan,
            Renewable = renewable,
            PathSuffix = pathSuffix,
            TokenNoDefaultPolicy = noDefault,
            TokenNumUses = data.ContainsKey("token_num_uses") ? (int)numUses : current.TokenNumUses,
            TokenType = tokenType == "default" ? "default-service" : tokenType,
        };
        role = Deprecated(role, data, "token_period", tokenPeriod, "period", period, warnings, (r, v) => r with { TokenPeriod = v }, (r, v) => r with { Period = v });
        role = Deprecated(role, data, "token_explicit_max_ttl", tokenExplicitMaxTtl, "explicit_max_ttl", explicitMaxTtl, warnings, (r, v) => r with { TokenExplicitMaxTtl = v }, (r, v) => r with { ExplicitMaxTtl = v });
        if (role.TokenExplicitMaxTtl > SystemDefaults.MaxLeaseTtl)
        {
            warnings.Add($"Given explicit max TTL of {(long)role.TokenExplicitMaxTtl.TotalSeconds} is greater than system/mount allowed value of {(long)SystemDefaults.MaxLeaseTtl.TotalSeconds} seconds; until this is fixed attempting to create tokens against this role will result in an error");
        }

        _roles[name] = role;
        return warnings.Count == 0 ? VaultNoContent.Instance : new VaultResponse { Warnings = warnings, MountType = "token" };
    }

    /// <summary>
    /// The <c>token_</c> field wins over its deprecated twin (with a warning when both came); the deprecated one sets both,
    /// so a read echoes what was written.
    /// </summary>
    private static TokenRole Deprecated(
        TokenRole role,
        JsonObject data,
        string field,
        TimeSpan value,
        string legacyField,
        TimeSpan legacyValue,
        List<string> warnings,
        Func<TokenRole, TimeSpan, TokenRole> set,
        Func<TokenRole, TimeSpan, TokenRole> setLegacy)
    {
        if (data.ContainsKey(field))
        {
            if (data.ContainsKey(legacyField))
            {
                warnings.Add($"Both '{field}' and deprecated '{legacyField}' value supplied, ignoring the deprecated value");
            }

            return setLegacy(set(role, value), TimeSpan.Zero);
        }

        return data.ContainsKey(legacyField) ? setLegacy(set(role, legacyValue), legacyValue) : role;
    }

    /// <summary>Globs, entity aliases, CIDR binding and batch tokens are not part of the dev server; refusing beats ignoring them.</summary>
    private static VaultError? UnsupportedRoleField(JsonObject data)
    {
        foreach (var field in (string[])["allowed_policies_glob", "disallowed_policies_glob", "allowed_entity_aliases", "token_bound_cidrs", "bound_cidrs"])
        {
            if (Fields.StringList(data, field) is { Count: > 0 })
            {
                return VaultError.BadRequest($"\"{field}\" is not supported by the SecureLaunch dev server");
            }
        }

        return null;
    }

    /// <summary>Vault's <c>framework.GenericNameRegex</c>.</summary>
    [GeneratedRegex(@"^\w(([\w\-.]+)?\w)?$")]
    private static partial Regex RoleName();

    /// <summary>Vault's <c>pathSuffixSanitize</c>, unanchored as Vault matches it.</summary>
    [GeneratedRegex(@"\w[\w.\-]+\w")]
    private static partial Regex PathSuffix();
}
