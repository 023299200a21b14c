using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.State;

/// <summary>Tokens in the snapshot; revoked ones are dropped, as Vault deletes them.</summary>
internal sealed partial class TokenStore : IPersistent
{
    public string SnapshotKey => "tokens";

    public JsonNode Export() => new JsonArray([.. _tokens.Values.Where(t => !t.Revoked).Select(t => (JsonNode?)new JsonObject
    {
        ["id"] = t.Id,
        ["accessor"] = t.Accessor,
        ["policies"] = JsonState.Array(t.Policies),
        ["meta"] = t.Meta is null ? null : JsonState.Map(t.Meta),
        ["display_name"] = t.DisplayName,
        ["path"] = t.Path,
        ["created"] = JsonState.Ticks(t.CreatedAt),
        ["creation_ttl"] = t.CreationTtl.Ticks,
        ["explicit_max_ttl"] = t.ExplicitMaxTtl.Ticks,
        ["period"] = t.Period.Ticks,
        ["max_ttl"] = t.MaxTtl.Ticks,
        ["expires"] = JsonState.Ticks(t.ExpiresAt),
        ["renewable"] = t.Renewable,
        ["num_uses"] = t.NumUses,
        ["parent"] = t.ParentId,
        ["role"] = t.Role,
        ["renewed"] = JsonState.Ticks(t.LastRenewedAt),
    })]);

    public void Import(JsonNode? data)
    {
        _tokens.Clear();
        foreach (var t in (data as JsonArray ?? []).OfType<JsonObject>())
        {
            Add(new TokenEntry
            {
                Id = JsonState.Text(t["id"]),
                Accessor = JsonState.Text(t["accessor"]),
                Policies = JsonState.Strings(t["policies"]),
                Meta = t["meta"] is null ? null : JsonState.Map(t["meta"]),
                DisplayName = JsonState.Text(t["display_name"]),
                Path = JsonState.Text(t["path"]),
                CreatedAt = JsonState.Time(t["created"]),
                CreationTtl = JsonState.Span(t["creation_ttl"]),
                ExplicitMaxTtl = JsonState.Span(t["explicit_max_ttl"]),
                Period = JsonState.Span(t["period"]),
                MaxTtl = JsonState.Span(t["max_ttl"]),
                ExpiresAt = JsonState.OptionalTime(t["expires"]),
                Renewable = t["renewable"]!.GetValue<bool>(),
                NumUses = t["num_uses"]!.GetValue<int>(),
                ParentId = t["parent"]?.GetValue<string>(),
                Role = t["role"]?.GetValue<string>(),
                LastRenewedAt = JsonState.OptionalTime(t["renewed"]),
            });
        }
    }
}
