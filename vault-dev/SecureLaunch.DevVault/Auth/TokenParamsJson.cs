using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.Auth;

/// <summary><see cref="TokenParams"/> in snapshots.</summary>
internal static class TokenParamsJson
{
    public static JsonObject Export(TokenParams p) => new()
    {
        ["policies"] = JsonState.Array(p.Policies),
        ["ttl"] = p.Ttl.Ticks,
        ["max_ttl"] = p.MaxTtl.Ticks,
        ["explicit_max_ttl"] = p.ExplicitMaxTtl.Ticks,
        ["period"] = p.Period.Ticks,
        ["num_uses"] = p.NumUses,
        ["no_default_policy"] = p.NoDefaultPolicy,
        ["legacy_policies"] = p.LegacyPolicies,
        ["legacy_period"] = p.LegacyPeriod,
    };

    public static TokenParams Import(JsonNode? node) => node is null ? new TokenParams() : new TokenParams
    {
        Policies = JsonState.Strings(node["policies"]),
        Ttl = JsonState.Span(node["ttl"]),
        MaxTtl = JsonState.Span(node["max_ttl"]),
        ExplicitMaxTtl = JsonState.Span(node["explicit_max_ttl"]),
        Period = JsonState.Span(node["period"]),
        NumUses = node["num_uses"]!.GetValue<int>(),
        NoDefaultPolicy = node["no_default_policy"]!.GetValue<bool>(),
        LegacyPolicies = node["legacy_policies"]!.GetValue<bool>(),
        LegacyPeriod = node["legacy_period"]!.GetValue<bool>(),
    };
}
