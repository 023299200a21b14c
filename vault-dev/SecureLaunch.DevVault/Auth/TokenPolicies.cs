using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Policies;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth;

/// <summary>The policies a created token gets, by Vault's rules in <c>handleCreateCommon</c> (token_store.go).</summary>
internal static class TokenPolicies
{
    /// <summary>Vault's <c>policyutil.SanitizePolicies</c>: trimmed, lower-cased, <c>root</c> alone if present, <c>default</c> added if asked, sorted and unique.</summary>
    public static List<string> Sanitize(IEnumerable<string> policies, bool addDefault)
    {
        var cleaned = policies.Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0).ToList();
        if (cleaned.Contains("root"))
        {
            return ["root"];
        }

        if (addDefault && !cleaned.Contains("default"))
        {
            cleaned.Add("default");
        }

        return Deduplicate(cleaned);
    }

    /// <summary>Vault's <c>strutil.RemoveDuplicates(list, lowercase: true)</c>: trimmed, lower-cased, sorted, unique.</summary>
    public static List<string> Deduplicate(IEnumerable<string> values) =>
        [.. values.Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// A role with allowed or disallowed policies sets its own bounds (the caller's policies do not matter); otherwise
    /// a caller without sudo on the path may only pass on its own policies, and no policies asked means the caller's.
    /// </summary>
    public static (List<string>? Policies, VaultError? Error) Resolve(List<string>? requested, TokenEntry parent, bool sudo, bool noDefaultPolicy, TokenRole? role)
    {
        requested ??= [];
        List<string> policies;
        var addDefault = false;
        if (role is not null && (role.AllowedPolicies.Count > 0 || role.DisallowedPolicies.Count > 0))
        {
            var (fromRole, error) = FromRole(requested, parent, noDefaultPolicy, role);
            if (error is not null)
            {
                return (null, error);
            }

            policies = fromRole!;
        }
        else if (requested.Count == 0)
        {
            policies = Sanitize(parent.Policies, addDefault: false);
        }
        else if (!sudo)
        {
            var parentPolicies = Sanitize(parent.Policies, addDefault: false);
            if (!Sanitize(requested, addDefault: false).All(parentPolicies.Contains))
            {
                return (null, VaultError.BadRequest("child policies must be subset of parent"));
            }

            policies = requested;
            addDefault = !noDefaultPolicy && parent.Policies.Contains("default");
        }
        else
        {
            policies = requested;
            addDefault = !noDefaultPolicy;
        }

        var result = Sanitize(policies, addDefault);
        if (noDefaultPolicy)
        {
            result.Remove("default");
        }

        if (result.FirstOrDefault(p => p is BuiltinPolicies.ResponseWrappingName or "control-group") is { } internalPolicy)
        {
            return (null, VaultError.BadRequest($"cannot assign policy \"{internalPolicy}\""));
        }

        if (result.Contains("root") && !parent.IsRoot)
        {
            return (null, VaultError.BadRequest("root tokens may not be created without parent token being root"));
        }

        return (result, null);
    }

    private static (List<string>? Policies, VaultError? Error) FromRole(List<string> requested, TokenEntry parent, bool noDefaultPolicy, TokenRole role)
    {
        var addDefault = !noDefaultPolicy && !role.TokenNoDefaultPolicy && !role.DisallowedPolicies.Contains("default");
        var policies = requested.Count > 0 ? Sanitize(requested, addDefault) : [];
        if (role.AllowedPolicies.Count > 0)
        {
            var allowed = Sanitize(role.AllowedPolicies, addDefault);
            if (policies.Count == 0)
            {
                policies = allowed;
            }
            else if (!policies.All(allowed.Contains))
            {
                return (null, VaultError.BadRequest($"token policies ({GoQuoted(policies)}) must be subset of the role's allowed policies ({GoQuoted(allowed)}) or glob policies ([])"));
            }
        }
        else if (policies.Count == 0)
        {
            policies = Sanitize(parent.Policies, addDefault);
        }

        if (policies.FirstOrDefault(role.DisallowedPolicies.Contains) is { } disallowed)
        {
            return (null, VaultError.BadRequest($"token policy \"{disallowed}\" is disallowed by this role"));
        }

        return (policies, null);
    }

    /// <summary>A string list as Go's <c>%q</c> prints it: <c>["a" "b"]</c>.</summary>
    private static string GoQuoted(IEnumerable<string> values) => "[" + string.Join(' ', values.Select(v => $"\"{v}\"")) + "]";
}
