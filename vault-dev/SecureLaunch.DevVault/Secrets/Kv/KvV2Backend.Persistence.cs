using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Secrets.Kv;

/// <summary>KV v2 secrets, their versions and metadata, and the engine config in the snapshot.</summary>
internal sealed partial class KvV2Backend : IPersistent
{
    public string SnapshotKey => "kv2:" + Prefix;

    public JsonNode Export()
    {
        var secrets = new JsonObject();
        foreach (var (path, secret) in _secrets)
        {
            secrets[path] = new JsonObject
            {
                ["current"] = secret.CurrentVersion,
                ["oldest"] = secret.OldestVersion,
                ["created"] = JsonState.Ticks(secret.CreatedAt),
                ["updated"] = JsonState.Ticks(secret.UpdatedAt),
                ["custom_metadata"] = secret.CustomMetadata is null ? null : JsonState.Map(secret.CustomMetadata),
                ["max_versions"] = secret.MaxVersions,
                ["cas_required"] = secret.CasRequired,
                ["delete_version_after"] = secret.DeleteVersionAfter,
                ["versions"] = new JsonArray([.. secret.Versions.Values.Select(v => (JsonNode?)new JsonObject
                {
                    ["number"] = v.Number,
                    ["created"] = JsonState.Ticks(v.CreatedAt),
                    ["deleted"] = JsonState.Ticks(v.DeletedAt),
                    ["destroyed"] = v.Destroyed,
                    ["data"] = v.Data?.DeepClone(),
                })]),
            };
        }

        return new JsonObject { ["max_versions"] = _engineMaxVersions, ["cas_required"] = _engineCasRequired, ["secrets"] = secrets };
    }

    public void Import(JsonNode? data)
    {
        _secrets.Clear();
        _engineMaxVersions = data?["max_versions"]?.GetValue<int>() ?? 0;
        _engineCasRequired = data?["cas_required"]?.GetValue<bool>() ?? false;
        foreach (var (path, node) in data?["secrets"] as JsonObject ?? [])
        {
            var s = node!.AsObject();
            var secret = new KvV2Secret
            {
                CreatedAt = JsonState.Time(s["created"]),
                UpdatedAt = JsonState.Time(s["updated"]),
                CurrentVersion = s["current"]!.GetValue<int>(),
                OldestVersion = s["oldest"]!.GetValue<int>(),
                CustomMetadata = s["custom_metadata"] is null ? null : JsonState.Map(s["custom_metadata"]),
                MaxVersions = s["max_versions"]!.GetValue<int>(),
                CasRequired = s["cas_required"]!.GetValue<bool>(),
                DeleteVersionAfter = JsonState.Text(s["delete_version_after"]),
            };
            foreach (var v in s["versions"]!.AsArray().OfType<JsonObject>())
            {
                var number = v["number"]!.GetValue<int>();
                secret.Versions[number] = new KvV2Version
                {
                    Number = number,
                    CreatedAt = JsonState.Time(v["created"]),
                    DeletedAt = JsonState.OptionalTime(v["deleted"]),
                    Destroyed = v["destroyed"]!.GetValue<bool>(),
                    Data = v["data"]?.DeepClone() as JsonObject,
                };
            }

            _secrets[path] = secret;
        }
    }
}
