using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.Leases;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Secrets.Database;

/// <summary>
/// The database engine at <c>database/</c>: connections, dynamic roles whose credentials live under a renewable lease,
/// and static roles whose password rotates on the server's clock. No real database is touched.
/// </summary>
/// <remarks>
/// <c>GET creds/:role</c>: 200 with username/password and the lease; 400 <c>unknown role: name</c>, or
/// <c>"name" is not an allowed role</c> when the role's connection exists and does not list it.
/// <c>GET static-creds/:role</c>: 200 without a lease; 400 <c>unknown role: name</c>. Roles, static roles and
/// connections: write 204 (400 for bad parameters), read 200 or 404, LIST 200 or 404, delete 204.
/// </remarks>
internal sealed partial class DatabaseBackend : IVaultBackend
{
    private readonly DevVaultState _state;
    private readonly IReadOnlyDictionary<string, DevDatabaseRole> _seed;
    private readonly Dictionary<string, DatabaseRole> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DatabaseStaticRole> _staticRoles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DatabaseConnection> _connections = new(StringComparer.Ordinal);

    /// <param name="state">The server state.</param>
    /// <param name="seed">Roles present at every start, also with file storage (as before roles could be written over the API).</param>
    public DatabaseBackend(DevVaultState state, IReadOnlyDictionary<string, DevDatabaseRole> seed)
    {
        _state = state;
        _seed = seed;
        ApplySeed();
    }

    public string Prefix => "database/";

    public bool? Exists(VaultRequest request, string subPath) => Split(subPath) switch
    {
        ("roles", { Length: > 0 } name) => _roles.ContainsKey(name),
        ("static-roles", { Length: > 0 } name) => _staticRoles.ContainsKey(name),
        ("config", { Length: > 0 } name) => _connections.ContainsKey(name),
        _ => null,
    };

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        var op = request.Operation;
        return (Split(subPath), op) switch
        {
            (("creds", { Length: > 0 } role), VaultOperation.Read) => Issue(request, role),
            (("static-creds", { Length: > 0 } role), VaultOperation.Read) => StaticCredentials(request, role),
            (("roles", ""), VaultOperation.List) => List(_roles.Keys),
            (("roles", { Length: > 0 } name), VaultOperation.Read) => ReadRole(name),
            (("roles", { Length: > 0 } name), VaultOperation.Update) => WriteRole(request.Data, name),
            (("roles", { Length: > 0 } name), VaultOperation.Delete) => Delete(_roles, name),
            (("static-roles", ""), VaultOperation.List) => List(_staticRoles.Keys),
            (("static-roles", { Length: > 0 } name), VaultOperation.Read) => ReadStaticRole(name, request.Now),
            (("static-roles", { Length: > 0 } name), VaultOperation.Update) => WriteStaticRole(request, name),
            (("static-roles", { Length: > 0 } name), VaultOperation.Delete) => Delete(_staticRoles, name),
            (("config", ""), VaultOperation.List) => List(_connections.Keys),
            (("config", { Length: > 0 } name), VaultOperation.Read) => ReadConnection(name),
            (("config", { Length: > 0 } name), VaultOperation.Update) => WriteConnection(request.Data, name),
            (("config", { Length: > 0 } name), VaultOperation.Delete) => Delete(_connections, name),
            ((("creds" or "static-creds" or "roles" or "static-roles" or "config"), _), _) => VaultError.UnsupportedOperation,
            _ => VaultError.UnsupportedPath,
        };
    }

    private VaultResult Issue(VaultRequest request, string roleName)
    {
        if (!_roles.TryGetValue(roleName, out var role))
        {
            return VaultError.BadRequest($"unknown role: {roleName}");
        }

        if (_connections.TryGetValue(role.DbName, out var connection) && !connection.Allows(roleName))
        {
            return VaultError.BadRequest($"\"{roleName}\" is not an allowed role");
        }

        var caller = request.Token!;
        var ttl = TtlCalculator.Issue(role.DefaultTtl, role.MaxTtl);
        var lease = new LeaseEntry
        {
            Id = $"{request.Path}/{RandomIds.Base62String(24)}",
            Path = request.Path,
            IssuedAt = request.Now,
            ExpiresAt = request.Now + ttl,
            Renewable = true,
            Ttl = role.DefaultTtl,
            MaxTtl = role.MaxTtl,
            TokenId = caller.Id,
        };
        _state.Leases.Add(lease);
        _state.Counters.Issued("database");
        var data = new JsonObject
        {
            ["password"] = CredentialGenerator.Password(),
            ["username"] = CredentialGenerator.Username(caller.DisplayName, roleName, request.Now),
        };
        return new VaultResponse { Data = data, LeaseId = lease.Id, Renewable = true, LeaseDuration = (long)ttl.TotalSeconds, MountType = "database" };
    }

    private static VaultResult List(IEnumerable<string> names)
    {
        var keys = names.Order(StringComparer.Ordinal).ToList();
        return keys.Count == 0 ? VaultError.NotFound : new VaultResponse { Data = JsonOut.Keys(keys), MountType = "database" };
    }

    private static VaultNoContent Delete<T>(Dictionary<string, T> items, string name)
    {
        items.Remove(name);
        return VaultNoContent.Instance;
    }

    /// <summary>The seed's roles over whatever else is there: a spec's roles win at every start.</summary>
    private void ApplySeed()
    {
        foreach (var (name, role) in _seed)
        {
            _roles[name] = DatabaseRole.FromSeed(role);
        }
    }

    private static (string Area, string Name) Split(string subPath) =>
        subPath.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? (subPath[..slash], subPath[(slash + 1)..].TrimEnd('/')) : (subPath, string.Empty);
}
