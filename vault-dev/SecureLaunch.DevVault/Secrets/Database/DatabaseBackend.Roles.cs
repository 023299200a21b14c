using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Secrets.Database;

/// <summary><c>database/roles/:name</c>: dynamic roles.</summary>
internal sealed partial class DatabaseBackend
{
    private VaultResult ReadRole(string name)
    {
        if (!_roles.TryGetValue(name, out var role))
        {
            return VaultError.NotFound;
        }

        var data = new JsonObject
        {
            ["creation_statements"] = JsonOut.Strings(role.CreationStatements),
            ["credential_type"] = "password",
            ["db_name"] = role.DbName,
            ["default_ttl"] = (long)role.DefaultTtl.TotalSeconds,
            ["max_ttl"] = (long)role.MaxTtl.TotalSeconds,
            ["renew_statements"] = JsonOut.Strings(role.RenewStatements),
            ["revocation_statements"] = JsonOut.Strings(role.RevocationStatements),
            ["rollback_statements"] = JsonOut.Strings(role.RollbackStatements),
        };
        return new VaultResponse { Data = data, MountType = "database" };
    }

    /// <summary>Create or update: a new role needs <c>db_name</c> and <c>creation_statements</c>; an update keeps what it does not set.</summary>
    private VaultResult WriteRole(JsonObject data, string name)
    {
        _roles.TryGetValue(name, out var existing);
        var dbName = Fields.String(data, "db_name") ?? existing?.DbName;
        if (string.IsNullOrEmpty(dbName))
        {
            return VaultError.BadRequest("empty database name attribute");
        }

        var creation = Fields.StringList(data, "creation_statements") ?? existing?.CreationStatements.ToList() ?? [];
        if (creation.Count == 0)
        {
            return VaultError.BadRequest("empty creation statements");
        }

        if (!Fields.TryDuration(data, "default_ttl", out var ttl, out var error) || !Fields.TryDuration(data, "max_ttl", out var maxTtl, out error))
        {
            return error!;
        }

        ttl = data.ContainsKey("default_ttl") ? ttl : existing?.DefaultTtl ?? TimeSpan.Zero;
        maxTtl = data.ContainsKey("max_ttl") ? maxTtl : existing?.MaxTtl ?? TimeSpan.Zero;
        if (maxTtl > TimeSpan.Zero && ttl > maxTtl)
        {
            return VaultError.BadRequest("ttl cannot be greater than max_ttl");
        }

        if (maxTtl > SystemDefaults.MaxLeaseTtl)
        {
            return VaultError.BadRequest("max_ttl cannot be greater than the system max TTL");
        }

        _roles[name] = new DatabaseRole
        {
            DbName = dbName,
            DefaultTtl = ttl,
            MaxTtl = maxTtl,
            CreationStatements = creation,
            RevocationStatements = Fields.StringList(data, "revocation_statements") ?? existing?.RevocationStatements ?? [],
            RollbackStatements = Fields.StringList(data, "rollback_statements") ?? existing?.RollbackStatements ?? [],
            RenewStatements = Fields.StringList(data, "renew_statements") ?? existing?.RenewStatements ?? [],
        };
        return VaultNoContent.Instance;
    }
}
