using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Secrets.Database;

/// <summary>Connections, roles and static roles (with their current password) in the encrypted snapshot; the seed's roles are laid over it.</summary>
internal sealed partial class DatabaseBackend : IPersistent
{
    public string SnapshotKey => "database";

    public JsonNode Export()
    {
        var roles = new JsonObject();
        foreach (var (name, r) in _roles)
        {
            roles[name] = new JsonObject
            {
                ["db_name"] = r.DbName,
                ["ttl"] = r.DefaultTtl.Ticks,
                ["max_ttl"] = r.MaxTtl.Ticks,
                ["creation"] = JsonState.Array(r.CreationStatements),
                ["revocation"] = JsonState.Array(r.RevocationStatements),
                ["rollback"] = JsonState.Array(r.RollbackStatements),
                ["renew"] = JsonState.Array(r.RenewStatements),
            };
        }

        var statics = new JsonObject();
        foreach (var (name, s) in _staticRoles)
        {
            statics[name] = new JsonObject
            {
                ["db_name"] = s.DbName,
                ["username"] = s.Username,
                ["period"] = s.RotationPeriod.Ticks,
                ["rotation"] = JsonState.Array(s.RotationStatements),
                ["password"] = s.Password,
                ["last_rotation"] = JsonState.Ticks(s.LastRotation),
            };
        }

        var connections = new JsonObject();
        foreach (var (name, c) in _connections)
        {
            connections[name] = new JsonObject
            {
                ["plugin_name"] = c.PluginName,
                ["plugin_version"] = c.PluginVersion,
                ["allowed_roles"] = JsonState.Array(c.AllowedRoles),
                ["connection_url"] = c.ConnectionUrl,
                ["username"] = c.Username,
                ["password_policy"] = c.PasswordPolicy,
                ["root_rotation"] = JsonState.Array(c.RootRotationStatements),
            };
        }

        return new JsonObject { ["roles"] = roles, ["static_roles"] = statics, ["connections"] = connections };
    }

    public void Import(JsonNode? data)
    {
        _roles.Clear();
        _staticRoles.Clear();
        _connections.Clear();
        foreach (var (name, r) in data?["roles"] as JsonObject ?? [])
        {
            _roles[name] = new DatabaseRole
            {
                DbName = JsonState.Text(r!["db_name"]),
                DefaultTtl = JsonState.Span(r["ttl"]),
                MaxTtl = JsonState.Span(r["max_ttl"]),
                CreationStatements = JsonState.Strings(r["creation"]),
                RevocationStatements = JsonState.Strings(r["revocation"]),
                RollbackStatements = JsonState.Strings(r["rollback"]),
                RenewStatements = JsonState.Strings(r["renew"]),
            };
        }

        foreach (var (name, s) in data?["static_roles"] as JsonObject ?? [])
        {
            _staticRoles[name] = new DatabaseStaticRole
            {
                DbName = JsonState.Text(s!["db_name"]),
                Username = JsonState.Text(s["username"]),
                RotationPeriod = JsonState.Span(s["period"]),
                RotationStatements = JsonState.Strings(s["rotation"]),
                Password = JsonState.Text(s["password"]),
                LastRotation = JsonState.Time(s["last_rotation"]),
            };
        }

        foreach (var (name, c) in data?["connections"] as JsonObject ?? [])
        {
            _connections[name] = new DatabaseConnection
            {
                PluginName = JsonState.Text(c!["plugin_name"]),
                PluginVersion = JsonState.Text(c["plugin_version"]),
                AllowedRoles = JsonState.Strings(c["allowed_roles"]),
                ConnectionUrl = JsonState.Text(c["connection_url"]),
                Username = JsonState.Text(c["username"]),
                PasswordPolicy = JsonState.Text(c["password_policy"]),
                RootRotationStatements = JsonState.Strings(c["root_rotation"]),
            };
        }

        ApplySeed();
    }
}
