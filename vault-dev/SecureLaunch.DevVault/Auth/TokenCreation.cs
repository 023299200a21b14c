using System.Text.RegularExpressions;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth;

/// <summary><c>auth/token/create</c> and <c>create-orphan</c>: a child of the caller unless orphaned.</summary>
/// <remarks>200 with the <c>auth</c> block; 400 for a bad parameter or policies the caller may not grant.</remarks>
internal sealed partial class TokenCreation(DevVaultState state)
{
    public VaultResult Create(VaultRequest request, bool orphan)
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

        if (Unsupported(data) is { } unsupported)
        {
            return unsupported;
        }

        if (numUses < 0)
        {
            return VaultError.BadRequest("number of uses cannot be negative");
        }

        // Root, or sudo on the create path, lifts the limits on policies, ids, periods and parents.
        var privileged = AccessControl.HasSudo(state, parent, request.Path);
        var policies = Policies(Fields.StringList(data, "policies") ?? [.. parent.Policies], noDefaultPolicy);
        if (!privileged && !policies.All(p => p == "default" || parent.Policies.Contains(p)))
        {
            return VaultError.BadRequest("child policies must be subset of parent");
        }

        if (policies.Count == 0)
        {
            return VaultError.BadRequest("token must have at least one policy");
        }

        if (period > TimeSpan.Zero && !privileged)
        {
            return VaultError.BadRequest("root or sudo privileges required to create periodic token");
        }

        var id = Fields.String(data, "id");
        if (IdError(id, privileged) is { } idError)
        {
            return idError;
        }

        ttl = period > TimeSpan.Zero ? PeriodicTtl(period, explicitMaxTtl) : EffectiveTtl(ttl, explicitMaxTtl, policies);
        var token = new TokenEntry
        {
            Id = string.IsNullOrEmpty(id) ? RandomIds.ServiceToken() : id,
            Accessor = RandomIds.Base62String(24),
            Policies = policies,
            Meta = Fields.StringMap(data, "meta"),
            DisplayName = DisplayName(Fields.String(data, "display_name")),
            Path = orphan ? "auth/token/create-orphan" : "auth/token/create",
            CreatedAt = request.Now,
            CreationTtl = ttl,
            ExplicitMaxTtl = explicitMaxTtl,
            Period = period,
            ExpiresAt = ttl > TimeSpan.Zero ? request.Now + ttl : null,
            Renewable = renewable && ttl > TimeSpan.Zero,
            NumUses = (int)numUses,
            ParentId = orphan || (noParent && privileged) ? null : parent.Id,
        };
        state.Tokens.Add(token);
        return new VaultResponse
        {
            Auth = TokenJson.Auth(token, (long)ttl.TotalSeconds),
            Warnings = [.. policies.Where(p => !state.Policies.Exists(p)).Select(p => $"Policy \"{p}\" does not exist")],
            MountType = "token",
        };
    }

    /// <summary>Batch tokens and token roles are not part of the dev server; refusing beats ignoring them.</summary>
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

    /// <summary>Lower-cased, trimmed, de-duplicated and sorted; <c>default</c> added unless refused or <c>root</c> is present.</summary>
    private static List<string> Policies(IEnumerable<string> requested, bool noDefaultPolicy)
    {
        var set = new SortedSet<string>(requested.Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0), StringComparer.Ordinal);
        if (noDefaultPolicy)
        {
            set.Remove("default");
        }
        else if (!set.Contains("root"))
        {
            set.Add("default");
        }

        return [.. set];
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
