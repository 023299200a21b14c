using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth.AppRole;

/// <summary>Roles and their secret IDs in the snapshot (the snapshot is encrypted at rest, so secret IDs may be kept as they are).</summary>
internal sealed partial class AppRoleBackend : IPersistent
{
    public string SnapshotKey => "approle";

    public JsonNode Export()
    {
        var roles = new JsonObject();
        foreach (var (name, role) in _roles)
        {
            var secretIds = new JsonObject();
            foreach (var (secretId, entry) in role.SecretIds)
            {
                secretIds[secretId] = new JsonObject
                {
                    ["accessor"] = entry.Accessor,
                    ["num_uses"] = entry.NumUses,
                    ["ttl"] = entry.Ttl.Ticks,
                    ["created"] = JsonState.Ticks(entry.CreatedAt),
                    ["updated"] = JsonState.Ticks(entry.LastUpdatedAt),
                    ["metadata"] = JsonState.Map(entry.Metadata),
                };
            }

            roles[name] = new JsonObject
            {
                ["role_id"] = role.RoleId,
                ["bind_secret_id"] = role.BindSecretId,
                ["secret_id_num_uses"] = role.SecretIdNumUses,
                ["secret_id_ttl"] = role.SecretIdTtl.Ticks,
                ["token"] = TokenParamsJson.Export(role.Token),
                ["secret_ids"] = secretIds,
            };
        }

        return roles;
    }

    public void Import(JsonNode? data)
    {
        _roles.Clear();
        foreach (var (name, node) in data as JsonObject ?? [])
        {
            var role = new AppRoleRole
            {
                Name = name,
                RoleId = JsonState.Text(node!["role_id"]),
                BindSecretId = node["bind_secret_id"]!.GetValue<bool>(),
                SecretIdNumUses = node["secret_id_num_uses"]!.GetValue<int>(),
                SecretIdTtl = JsonState.Span(node["secret_id_ttl"]),
                Token = TokenParamsJson.Import(node["token"]),
            };
            foreach (var (secretId, entry) in node["secret_ids"]!.AsObject())
            {
                role.SecretIds[secretId] = new AppRoleSecretId
                {
                    Accessor = JsonState.Text(entry!["accessor"]),
                    NumUses = entry["num_uses"]!.GetValue<int>(),
                    Ttl = JsonState.Span(entry["ttl"]),
                    CreatedAt = JsonState.Time(entry["created"]),
                    LastUpdatedAt = JsonState.Time(entry["updated"]),
                    Metadata = JsonState.Map(entry["metadata"]),
                };
            }

            _roles[name] = role;
        }
    }
}
