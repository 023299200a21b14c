using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth;

/// <summary>Token store roles in the snapshot (tokens themselves are the <see cref="TokenStore"/>'s).</summary>
internal sealed partial class TokenBackend : IPersistent
{
    public string SnapshotKey => "token_roles";

    public JsonNode Export()
    {
        var roles = new JsonObject();
        foreach (var (name, role) in _roles)
        {
            roles[name] = new JsonObject
            {
                ["allowed_policies"] = JsonState.Array(role.AllowedPolicies),
                ["disallowed_policies"] = JsonState.Array(role.DisallowedPolicies),
                ["orphan"] = role.Orphan,
                ["renewable"] = role.Renewable,
                ["path_suffix"] = role.PathSuffix,
                ["token_period"] = role.TokenPeriod.Ticks,
                ["period"] = role.Period.Ticks,
                ["token_explicit_max_ttl"] = role.TokenExplicitMaxTtl.Ticks,
                ["explicit_max_ttl"] = role.ExplicitMaxTtl.Ticks,
                ["token_no_default_policy"] = role.TokenNoDefaultPolicy,
                ["token_num_uses"] = role.TokenNumUses,
                ["token_type"] = role.TokenType,
            };
        }

        return roles;
    }

    public void Import(JsonNode? data)
    {
        _roles.Clear();
        foreach (var (name, node) in data as JsonObject ?? [])
        {
            _roles[name] = new TokenRole
            {
                Name = name,
                AllowedPolicies = JsonState.Strings(node!["allowed_policies"]),
                DisallowedPolicies = JsonState.Strings(node["disallowed_policies"]),
                Orphan = node["orphan"]!.GetValue<bool>(),
                Renewable = node["renewable"]!.GetValue<bool>(),
                PathSuffix = JsonState.Text(node["path_suffix"]),
                TokenPeriod = JsonState.Span(node["token_period"]),
                Period = JsonState.Span(node["period"]),
                TokenExplicitMaxTtl = JsonState.Span(node["token_explicit_max_ttl"]),
                ExplicitMaxTtl = JsonState.Span(node["explicit_max_ttl"]),
                TokenNoDefaultPolicy = node["token_no_default_policy"]!.GetValue<bool>(),
                TokenNumUses = node["token_num_uses"]!.GetValue<int>(),
                TokenType = JsonState.Text(node["token_type"]),
            };
        }
    }
}
