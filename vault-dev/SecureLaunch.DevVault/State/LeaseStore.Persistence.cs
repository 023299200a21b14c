using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.State;

/// <summary>Leases in the snapshot, revoked ones included (they feed <see cref="DevVaultServer.Leases"/>).</summary>
internal sealed partial class LeaseStore : IPersistent
{
    public string SnapshotKey => "leases";

    public JsonNode Export() => new JsonArray([.. _issueOrder.Select(l => (JsonNode?)new JsonObject
    {
        ["id"] = l.Id,
        ["path"] = l.Path,
        ["issued"] = JsonState.Ticks(l.IssuedAt),
        ["expires"] = JsonState.Ticks(l.ExpiresAt),
        ["renewed"] = JsonState.Ticks(l.LastRenewedAt),
        ["renewable"] = l.Renewable,
        ["ttl"] = l.Ttl.Ticks,
        ["max_ttl"] = l.MaxTtl.Ticks,
        ["token"] = l.TokenId,
        ["revoked"] = l.Revoked,
    })]);

    public void Import(JsonNode? data)
    {
        _leases.Clear();
        _issueOrder.Clear();
        foreach (var l in (data as JsonArray ?? []).OfType<JsonObject>())
        {
            Add(new LeaseEntry
            {
                Id = JsonState.Text(l["id"]),
                Path = JsonState.Text(l["path"]),
                IssuedAt = JsonState.Time(l["issued"]),
                ExpiresAt = JsonState.Time(l["expires"]),
                LastRenewedAt = JsonState.OptionalTime(l["renewed"]),
                Renewable = l["renewable"]!.GetValue<bool>(),
                Ttl = JsonState.Span(l["ttl"]),
                MaxTtl = JsonState.Span(l["max_ttl"]),
                TokenId = JsonState.Text(l["token"]),
                Revoked = l["revoked"]!.GetValue<bool>(),
            });
        }
    }
}
