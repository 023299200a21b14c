using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;

namespace SecureLaunch.DevVault.Auth;

/// <summary>
/// The token fields every auth method's roles and users share (<c>token_ttl</c>, <c>token_max_ttl</c>,
/// <c>token_policies</c>, <c>token_period</c>...), with the deprecated <c>policies</c> and <c>period</c> aliases.
/// </summary>
internal sealed record TokenParams
{
    public IReadOnlyList<string> Policies { get; init; } = [];

    public TimeSpan Ttl { get; init; }

    public TimeSpan MaxTtl { get; init; }

    public TimeSpan ExplicitMaxTtl { get; init; }

    public TimeSpan Period { get; init; }

    public int NumUses { get; init; }

    public bool NoDefaultPolicy { get; init; }

    /// <summary>Set when the deprecated <c>policies</c> field was used, so reads echo it back as Vault does.</summary>
    public bool LegacyPolicies { get; init; }

    /// <summary>Set when the deprecated <c>period</c> field was used.</summary>
    public bool LegacyPeriod { get; init; }

    /// <summary>Applies the fields present in a write to <paramref name="current"/>; 400 errors as Vault words them.</summary>
    public static (TokenParams? Params, VaultError? Error) Update(JsonObject data, TokenParams current)
    {
        if (!Fields.TryDuration(data, "token_ttl", out var ttl, out var error)
            || !Fields.TryDuration(data, "token_max_ttl", out var maxTtl, out error)
            || !Fields.TryDuration(data, "token_explicit_max_ttl", out var explicitMaxTtl, out error)
            || !Fields.TryDuration(data, data.ContainsKey("token_period") ? "token_period" : "period", out var period, out error)
            || !Fields.TryInt(data, "token_num_uses", out var numUses, out error)
            || !Fields.TryBool(data, "token_no_default_policy", current.NoDefaultPolicy, out var noDefault, out error))
        {
            return (null, error);
        }

        if (Unsupported(data) is { } unsupported)
        {
            return (null, unsupported);
        }

        var policies = Fields.StringList(data, "token_policies");
        var legacy = policies is null && data.ContainsKey("policies");
        policies ??= Fields.StringList(data, "policies");
        var result = current with
        {
            Policies = policies is null ? current.Policies : [.. policies.Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal)],
            LegacyPolicies = legacy || (policies is null && current.LegacyPolicies),
            Ttl = data.ContainsKey("token_ttl") ? ttl : current.Ttl,
            MaxTtl = data.ContainsKey("token_max_ttl") ? maxTtl : current.MaxTtl,
            ExplicitMaxTtl = data.ContainsKey("token_explicit_max_ttl") ? explicitMaxTtl : current.ExplicitMaxTtl,
            Period = data.ContainsKey("token_period") || data.ContainsKey("period") ? period : current.Period,
            LegacyPeriod = (!data.ContainsKey("token_period") && data.ContainsKey("period")) || (!data.ContainsKey("token_period") && current.LegacyPeriod),
            NumUses = data.ContainsKey("token_num_uses") ? (int)numUses : current.NumUses,
            NoDefaultPolicy = noDefault,
        };
        if (result.NumUses < 0)
        {
            return (null, VaultError.BadRequest("'token_num_uses' cannot be negative"));
        }

        return result.MaxTtl > TimeSpan.Zero && result.Ttl > result.MaxTtl
            ? (null, VaultError.BadRequest("'token_ttl' cannot be greater than 'token_max_ttl'"))
            : (result, null);
    }

    /// <summary>Vault's <c>PopulateTokenData</c>: the token fields of a role or user read, in seconds.</summary>
    public void WriteTo(JsonObject data)
    {
        data["token_bound_cidrs"] = new JsonArray();
        data["token_explicit_max_ttl"] = (long)ExplicitMaxTtl.TotalSeconds;
        data["token_max_ttl"] = (long)MaxTtl.TotalSeconds;
        data["token_no_default_policy"] = NoDefaultPolicy;
        data["token_num_uses"] = NumUses;
        data["token_period"] = (long)Period.TotalSeconds;
        data["token_policies"] = JsonOut.Strings(Policies);
        data["token_type"] = "default";
        data["token_ttl"] = (long)Ttl.TotalSeconds;
        if (LegacyPolicies)
        {
            data["policies"] = JsonOut.Strings(Policies);
        }

        if (LegacyPeriod && Period > TimeSpan.Zero)
        {
            data["period"] = (long)Period.TotalSeconds;
        }
    }

    public static TokenParams FromSeed(DevTokenSettings settings) => new()
    {
        Policies = [.. settings.Policies.Select(p => p.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)],
        Ttl = settings.Ttl,
        MaxTtl = settings.MaxTtl,
        ExplicitMaxTtl = settings.ExplicitMaxTtl,
        Period = settings.Period,
        NumUses = settings.NumUses,
        NoDefaultPolicy = settings.NoDefaultPolicy,
    };

    /// <summary>Batch tokens and CIDR binding are not part of the dev server; refusing beats ignoring them.</summary>
    private static VaultError? Unsupported(JsonObject data)
    {
        if (Fields.StringList(data, "token_bound_cidrs") is { Count: > 0 } || Fields.StringList(data, "bound_cidr_list") is { Count: > 0 })
        {
            return VaultError.BadRequest("CIDR-bound tokens are not supported by the SecureLaunch dev server");
        }

        var type = Fields.String(data, "token_type");
        return type is null or "" or "default" or "service" or "default-service"
            ? null
            : VaultError.BadRequest($"token type \"{type}\" is not supported by the SecureLaunch dev server");
    }
}
