using System.Text.RegularExpressions;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth;

/// <summary><c>auth/token/create</c>, <c>create-orphan</c> and <c>create/:role_name</c>: a child of the caller unless orphaned.</summary>
/// <remarks>200 with the <c>auth</c> block; 400 for a bad parameter, an unknown role or policies the caller (or the role) may not grant.</remarks>
internal sealed partial class TokenCreation(DevVaultState state)
{
    /// <summary>Creates a token; <paramref name="role"/> is the role of <c>create/:role_name</c>, null on the other paths.</summary>
    public VaultResult Create(VaultRequest request, bool orphan, TokenRole? role = null)
    {
        var data = request.Data;
        var parent = request.Token!;
        if (!Fields.TryDuration(data, data.ContainsKey("ttl") ? "ttl" : "lease", out var ttl, out var error)
            || !Fields.TryDuration(data, "explicit_max_ttl", out var explicitMaxTtl, out error)
            || !Fields.TryDuration(data, "period", out var period, out error)
            || !Fields.TryInt(data, "num_uses", out var numUses, out error)
            || !Fields.TryBool(data, "renewable", true, out var renewable, out error)
            || !Fields.TryBool(data, "no_parent", false, out var noParent, out error)
            || !Fields.TryBool(data, "no_default_policy", false, out var noDefaultPolicy, out error))
        {
            return error!;
        }

        // A token on its last use is already pending revocation, so Vault no longer finds it as a parent.
        if (parent.UsesExhausted)
        {
            return VaultError.BadRequest("parent token lookup failed: no parent found");
        }

        // A limited-use token could escape its count through children.
        if (parent.NumUses > 0)
        {
            return VaultError.BadRequest("restricted use token cannot generate child tokens");
        }

        if (Unsupported(data) is { } unsupported)
        {
            return unsupported;
        }

        if (numUses < 0)
        {
            return VaultError.BadRequest("number of uses cannot be negative");
        }

        if (role is not null)
        {
            renewable &= role.Renewable;
            numUses = role.TokenNumUses > 0 && (numUses == 0 || role.TokenNumUses < numUses) ? role.TokenNumUses : numUses;
        }

        // Root, or sudo on the create path, lifts the limits on policies, ids, periods and parents.
        var privileged = AccessControl.HasSudo(state, parent, request.Path);
        var id = Fields.String(data, "id");
        if (IdError(id, privileged) is { } idError)
        {
            return idError;
        }

        var (policies, policyError) = TokenPolicies.Resolve(Fields.StringList(data, "policies"), parent, privileged, noDefaultPolicy, role);
        if (policies is null)
        {
            return policyError!;
        }

        if (policies.Count == 0)
        {
            return VaultError.BadRequest("token must have at least one policy");
        }

        if (role is null && noParent && !privileged)
        {
            return VaultError.BadRequest("root or sudo privileges required to create orphan token");
        }

        if (period > TimeSpan.Zero && !privileged)
        {
            return VaultError.BadRequest("root or sudo privileges required to create periodic token");
        }

        var warnings = new List<string>();
        var (periodToUse, explicitMaxToUse) = role is null ? (period, explicitMaxTtl) : RoleLimits(role, period, explicitMaxTtl, warnings);
        ttl = periodToUse > TimeSpan.Zero ? PeriodicTtl(periodToUse, explicitMaxToUse) : EffectiveTtl(ttl, explicitMaxToUse, policies);
        var token = new TokenEntry
        {
            Id = string.IsNullOrEmpty(id) ? RandomIds.ServiceToken() : id,
            Accessor = RandomIds.Base62String(24),
            Policies = policies,
            Meta = Fields.StringMap(data, "meta"),
            DisplayName = DisplayName(Fields.String(data, "display_name")),
            Path = role is { PathSuffix.Length: > 0 } ? $"{request.Path}/{role.PathSuffix}" : request.Path,
            CreatedAt = request.Now,
            CreationTtl = ttl,
            ExplicitMaxTtl = explicitMaxTtl,
            Period = period,
            ExpiresAt = ttl > TimeSpan.Zero ? request.Now + ttl : null,
            Renewable = renewable && ttl > TimeSpan.Zero,
            NumUses = (int)numUses,
            ParentId = (role?.Orphan ?? (orphan || noParent)) ? null : parent.Id,
            Role = role?.Name,
        };
        state.Tokens.Add(token);
        warnings.AddRange(policies.Where(p => !state.Policies.Exists(p)).Select(p => $"Policy \"{p}\" does not exist"));
        return new VaultResponse
        {
            Auth = TokenJson.Auth(token, (long)ttl.TotalSeconds),
            Warnings = warnings,
            MountType = "token",
        };
    }

    /// <summary>The lesser of the role's and the request's period and explicit max TTL, with the warnings Vault gives when both were set.</summary>
    private static (TimeSpan Period, TimeSpan ExplicitMaxTtl) RoleLimits(TokenRole role, TimeSpan period, TimeSpan explicitMaxTtl, List<string> warnings)
    {
        if (role.TokenExplicitMaxTtl > TimeSpan.Zero)
        {
            if (explicitMaxTtl > TimeSpan.Zero)
            {
                explicitMaxTtl = role.TokenExplicitMaxTtl < explicitMaxTtl ? role.TokenExplicitMaxTtl : explicitMaxTtl;
                warnings.Add($"Explicit max TTL specified both during creation call and in role; using the lesser value of {(long)explicitMaxTtl.TotalSeconds} seconds");
            }
            else
            {
                explicitMaxTtl = role.TokenExplicitMaxTtl;
            }
        }

        if (role.TokenPeriod > TimeSpan.Zero)
        {
            if (period > TimeSpan.Zero)
            {
                period = role.TokenPeriod < period ? role.TokenPeriod : period;
                warnings.Add($"Period specified both during creation call and in role; using the lesser value of {(long)period.TotalSeconds} seconds");
            }
            else
            {
                period = role.TokenPeriod;
            }
        }

        return (period, explicitMaxTtl);
    }

    /// <summary>Batch tokens are not part of the dev server; refusing beats ignoring them.</summary>
    private static VaultError? Unsupported(System.Text.Json.Nodes.JsonObject data)
    {
        var type = Fields.String(data, "type");
        return type is null or "" or "service" or "default" ? null : VaultError.BadRequest($"token type \"{type}\" is not supported by the SecureLaunch dev server");
    }

    private VaultError? IdError(string? id, bool privileged)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        if (!privileged)
        {
            return VaultError.BadRequest("root or sudo privileges required to specify token id");
        }

        if (id.Contains('.', StringComparison.Ordinal))
        {
            return VaultError.BadRequest("token IDs can not contain a period");
        }

        return state.Tokens.Contains(id) ? VaultError.BadRequest("cannot create a token with a duplicate ID") : null;
    }

    /// <summary>No TTL means forever for root-policy tokens and the default TTL otherwise; then the explicit and system maxima apply.</summary>
    private static TimeSpan EffectiveTtl(TimeSpan ttl, TimeSpan explicitMaxTtl, List<string> policies)
    {
        if (ttl == TimeSpan.Zero && !policies.Contains("root"))
        {
            ttl = SystemDefaults.DefaultLeaseTtl;
        }

        if (explicitMaxTtl > TimeSpan.Zero && (ttl == TimeSpan.Zero || ttl > explicitMaxTtl))
        {
            ttl = explicitMaxTtl;
        }

        return ttl > SystemDefaults.MaxLeaseTtl ? SystemDefaults.MaxLeaseTtl : ttl;
    }

    /// <summary>A periodic token lives one period (never past the system max), or less when its explicit max TTL is shorter.</summary>
    private static TimeSpan PeriodicTtl(TimeSpan period, TimeSpan explicitMaxTtl)
    {
        var ttl = period > SystemDefaults.MaxLeaseTtl ? SystemDefaults.MaxLeaseTtl : period;
        return explicitMaxTtl > TimeSpan.Zero && explicitMaxTtl < ttl ? explicitMaxTtl : ttl;
    }

    private static string DisplayName(string? requested)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return "token";
        }

        return DisplayNameSanitizer().Replace("token-" + requested, "-").TrimEnd('-');
    }

    [GeneratedRegex("[^a-zA-Z0-9-]")]
    private static partial Regex DisplayNameSanitizer();
}
