using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;

namespace SecureLaunch.DevVault.Secrets.Database;

/// <summary><c>database/config/:name</c>: connections, kept to be read back; nothing connects, so <c>verify_connection</c> has no effect.</summary>
internal sealed partial class DatabaseBackend
{
    private VaultResult ReadConnection(string name)
    {
        if (!_connections.TryGetValue(name, out var connection))
        {
            return VaultError.NotFound;
        }

        var details = new JsonObject { ["connection_url"] = connection.ConnectionUrl };
        if (connection.Username.Length > 0)
        {
            details["username"] = connection.Username;
        }

        var data = new JsonObject
        {
            ["allowed_roles"] = JsonOut.Strings(connection.AllowedRoles),
            ["connection_details"] = details,
            ["password_policy"] = connection.PasswordPolicy,
            ["plugin_name"] = connection.PluginName,
            ["plugin_version"] = connection.PluginVersion,
            ["root_credentials_rotate_statements"] = JsonOut.Strings(connection.RootRotationStatements),
        };
        return new VaultResponse { Data = data, MountType = "database" };
    }

    private VaultResult WriteConnection(JsonObject data, string name)
    {
        _connections.TryGetValue(name, out var existing);
        var plugin = Fields.String(data, "plugin_name") ?? existing?.PluginName;
        if (string.IsNullOrEmpty(plugin))
        {
            return VaultError.BadRequest("plugin_name must be provided");
        }

        if (!Fields.TryBool(data, "verify_connection", true, out _, out var error))
        {
            return error!;
        }

        _connections[name] = new DatabaseConnection
        {
            PluginName = plugin,
            PluginVersion = Fields.String(data, "plugin_version") ?? existing?.PluginVersion ?? string.Empty,
            AllowedRoles = Fields.StringList(data, "allowed_roles") ?? existing?.AllowedRoles ?? [],
            ConnectionUrl = Fields.String(data, "connection_url") ?? existing?.ConnectionUrl ?? string.Empty,
            Username = Fields.String(data, "username") ?? existing?.Username ?? string.Empty,
            PasswordPolicy = Fields.String(data, "password_policy") ?? existing?.PasswordPolicy ?? string.Empty,
            RootRotationStatements = Fields.StringList(data, "root_rotation_statements") ?? existing?.RootRotationStatements ?? [],
        };
        return VaultNoContent.Instance;
    }
}
