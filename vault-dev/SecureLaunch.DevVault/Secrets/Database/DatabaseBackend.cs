using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.Leases;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Secrets.Database;

/// <summary>The database engine at <c>database/</c>: dynamic credentials per role, each under a renewable lease.</summary>
/// <remarks>
/// <c>GET creds/:role</c>: 200 with username/password and the lease; 400 <c>unknown role: name</c>.
/// <c>GET roles/:name</c>: 200 or 404; <c>LIST roles</c>: 200 or 404. No real database is touched.
/// </remarks>
internal sealed class DatabaseBackend(DevVaultState state, IReadOnlyDictionary<string, DevDatabaseRole> roles) : IVaultBackend
{
    private const string CreationStatement = "CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';";

    public string Prefix => "database/";

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        var op = request.Operation;
        if (subPath.StartsWith("creds/", StringComparison.Ordinal) && subPath.Length > "creds/".Length)
        {
            return op == VaultOperation.Read ? Issue(request, subPath["creds/".Length..]) : VaultError.UnsupportedOperation;
        }

        if (subPath is "roles" or "roles/")
        {
            return op == VaultOperation.List ? ListRoles() : VaultError.UnsupportedOperation;
        }

        if (subPath.StartsWith("roles/", StringComparison.Ordinal))
        {
            return op == VaultOperation.Read ? ReadRole(subPath["roles/".Length..]) : VaultError.UnsupportedOperation;
        }

        return VaultError.UnsupportedPath;
    }

    private VaultResult Issue(VaultRequest request, string roleName)
    {
        if (!roles.TryGetValue(roleName, out var role))
        {
            return VaultError.BadRequest($"unknown role: {roleName}");
        }

        var caller = request.Token!;
        var ttl = TtlCalculator.Issue(role.Ttl, role.MaxTtl);
        var lease = new LeaseEntry
        {
            Id = $"{request.Path}/{RandomIds.Base62String(24)}",
            Path = request.Path,
            IssuedAt = request.Now,
            ExpiresAt = request.Now + ttl,
            Renewable = true,
            Ttl = role.Ttl,
            MaxTtl = role.MaxTtl,
            TokenId = caller.Id,
        };
        state.Leases.Add(lease);
        var data = new JsonObject
        {
            ["password"] = CredentialGenerator.Password(),
            ["username"] = CredentialGenerator.Username(caller.DisplayName, roleName, request.Now),
        };
        return new VaultResponse { Data = data, LeaseId = lease.Id, Renewable = true, LeaseDuration = (long)ttl.TotalSeconds, MountType = "database" };
    }

    private VaultResult ReadRole(string name)
    {
        if (!roles.TryGetValue(name, out var role))
        {
            return VaultError.NotFound;
        }

        var data = new JsonObject
        {
            ["creation_statements"] = JsonOut.Strings([CreationStatement]),
            ["credential_type"] = "password",
            ["db_name"] = role.DbName,
            ["default_ttl"] = (long)role.Ttl.TotalSeconds,
            ["max_ttl"] = (long)role.MaxTtl.TotalSeconds,
            ["renew_statements"] = new JsonArray(),
            ["revocation_statements"] = new JsonArray(),
            ["rollback_statements"] = new JsonArray(),
        };
        return new VaultResponse { Data = data, MountType = "database" };
    }

    private VaultResult ListRoles() =>
        roles.Count == 0 ? VaultError.NotFound : new VaultResponse { Data = JsonOut.Keys(roles.Keys.Order(StringComparer.Ordinal)), MountType = "database" };
}
