using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.Secrets.Database;

/// <summary>
/// <c>database/static-roles/:name</c> and <c>database/static-creds/:name</c>: the password rotates every rotation
/// period on the server's clock, and static credentials carry no lease (not renewable, never revoked).
/// </summary>
internal sealed partial class DatabaseBackend
{
    private static readonly TimeSpan MinimumRotationPeriod = TimeSpan.FromSeconds(5);

    private VaultResult StaticCredentials(VaultRequest request, string name)
    {
        if (!_staticRoles.TryGetValue(name, out var role))
        {
            return VaultError.BadRequest($"unknown role: {name}");
        }

        role.CatchUp(request.Now);
        _state.Counters.Issued("database-static");
        var data = new JsonObject
        {
            ["last_vault_rotation"] = GoTime.Rfc3339(role.LastRotation),
            ["password"] = role.Password,
            ["rotation_period"] = (long)role.RotationPeriod.TotalSeconds,
            ["ttl"] = Ttl(role, request.Now),
            ["username"] = role.Username,
        };
        return new VaultResponse { Data = data, MountType = "database" };
    }

    private VaultResult ReadStaticRole(string name, DateTimeOffset now)
    {
        if (!_staticRoles.TryGetValue(name, out var role))
        {
            return VaultError.NotFound;
        }

        role.CatchUp(now);
        var data = new JsonObject
        {
            ["credential_type"] = "password",
            ["db_name"] = role.DbName,
            ["last_vault_rotation"] = GoTime.Rfc3339(role.LastRotation),
            ["rotation_period"] = (long)role.RotationPeriod.TotalSeconds,
            ["rotation_statements"] = JsonOut.Strings(role.RotationStatements),
            ["ttl"] = Ttl(role, now),
            ["username"] = role.Username,
        };
        return new VaultResponse { Data = data, MountType = "database" };
    }

    /// <summary>Create (a password is set at once, as Vault rotates on creation) or update (the username cannot change).</summary>
    private VaultResult WriteStaticRole(VaultRequest request, string name)
    {
        var data = request.Data;
        _staticRoles.TryGetValue(name, out var existing);
        var dbName = Fields.String(data, "db_name") ?? existing?.DbName;
        if (string.IsNullOrEmpty(dbName))
        {
            return VaultError.BadRequest("empty database name attribute");
        }

        var username = Fields.String(data, "username");
        if (existing is not null && username is not null && username != existing.Username)
        {
            return VaultError.BadRequest("cannot update static account username");
        }

        username ??= existing?.Username;
        if (string.IsNullOrEmpty(username))
        {
            return VaultError.BadRequest("username is a required field to create a static account");
        }

        if (!Fields.TryDuration(data, "rotation_period", out var period, out var error))
        {
            return error!;
        }

        period = data.ContainsKey("rotation_period") ? period : existing?.RotationPeriod ?? TimeSpan.Zero;
        if (period == TimeSpan.Zero)
        {
            return VaultError.BadRequest("rotation_period is required to create static accounts");
        }

        if (period < MinimumRotationPeriod)
        {
            return VaultError.BadRequest($"rotation_period must be {(long)MinimumRotationPeriod.TotalSeconds} seconds or more");
        }

        _staticRoles[name] = new DatabaseStaticRole
        {
            DbName = dbName,
            Username = username,
            RotationPeriod = period,
            RotationStatements = Fields.StringList(data, "rotation_statements") ?? existing?.RotationStatements ?? [],
            Password = existing?.Password ?? CredentialGenerator.Password(),
            LastRotation = existing?.LastRotation ?? request.Now,
        };
        return VaultNoContent.Instance;
    }

    /// <summary>Seconds until the next rotation.</summary>
    private static long Ttl(DatabaseStaticRole role, DateTimeOffset now) => GoTime.SecondsLeft(role.LastRotation + role.RotationPeriod, now);
}
