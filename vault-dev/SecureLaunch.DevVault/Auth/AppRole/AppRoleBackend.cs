using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth.AppRole;

/// <summary>The AppRole method at <c>auth/approle/</c>: roles, role IDs, secret IDs and login, per the approle page.</summary>
/// <remarks>
/// Role write 204, read 200 or 404, delete 204, LIST 200 or 404. Secret ID generation 200 with the secret ID and its
/// accessor (wrap it with <c>X-Vault-Wrap-TTL</c>); 400 <c>role "x" does not exist</c>. Login (unauthenticated) 200
/// with the auth block; 400 <c>missing role_id</c>, <c>missing secret_id</c>, <c>invalid role or secret ID</c>.
/// </remarks>
internal sealed partial class AppRoleBackend(DevVaultState state) : IVaultBackend
{
    private readonly Dictionary<string, AppRoleRole> _roles = new(StringComparer.Ordinal);
    private readonly LoginTokens _tokens = new(state);

    public string Prefix => "auth/approle/";

    public bool IsUnauthenticated(VaultRequest request, string subPath) => subPath == "login";

    public bool? Exists(VaultRequest request, string subPath)
    {
        var (name, rest) = SplitRole(subPath);
        return name is not null && rest.Length == 0 ? _roles.ContainsKey(name) : null;
    }

    public void Seed(string name, DevAppRole seed, DateTimeOffset now)
    {
        var role = new AppRoleRole
        {
            Name = name.ToLowerInvariant(),
            RoleId = seed.RoleId ?? RandomIds.Uuid(),
            BindSecretId = seed.BindSecretId,
            SecretIdNumUses = seed.SecretIdNumUses,
            SecretIdTtl = seed.SecretIdTtl,
            Token = TokenParams.FromSeed(seed.Token),
        };
        foreach (var secretId in seed.SecretIds)
        {
            role.SecretIds[secretId] = new AppRoleSecretId
            {
                Accessor = RandomIds.Uuid(),
                NumUses = role.SecretIdNumUses,
                Ttl = role.SecretIdTtl,
                CreatedAt = now,
                LastUpdatedAt = now,
            };
        }

        _roles[role.Name] = role;
    }

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        var op = request.Operation;
        if (subPath == "login")
        {
            return op == VaultOperation.Update ? Login(request) : VaultError.UnsupportedOperation;
        }

        if (subPath is "role" or "role/")
        {
            return op == VaultOperation.List ? ListRoles() : VaultError.UnsupportedOperation;
        }

        var (name, rest) = SplitRole(subPath);
        return (name, rest, op) switch
        {
            (null, _, _) => VaultError.UnsupportedPath,
            (_, "", VaultOperation.Read) => ReadRole(name),
            (_, "", VaultOperation.Update) => WriteRole(request, name),
            (_, "", VaultOperation.Delete) => DeleteRole(name),
            (_, "role-id", VaultOperation.Read) => ReadRoleId(name),
            (_, "role-id", VaultOperation.Update) => WriteRoleId(request, name),
            (_, "secret-id", VaultOperation.Update) => GenerateSecretId(request, name, custom: null),
            (_, "secret-id/", VaultOperation.List) or (_, "secret-id", VaultOperation.List) => ListSecretIdAccessors(name),
            (_, "custom-secret-id", VaultOperation.Update) => CustomSecretId(request, name),
            (_, "secret-id/lookup", VaultOperation.Update) => LookupSecretId(request, name),
            (_, "secret-id/destroy", VaultOperation.Update or VaultOperation.Delete) => DestroySecretId(request, name),
            (_, "" or "role-id" or "secret-id" or "secret-id/" or "custom-secret-id" or "secret-id/lookup" or "secret-id/destroy", _) => VaultError.UnsupportedOperation,
            _ => VaultError.UnsupportedPath,
        };
    }

    private VaultResult ListRoles() =>
        _roles.Count == 0 ? VaultError.NotFound : new VaultResponse { Data = JsonOut.Keys(_roles.Keys.Order(StringComparer.Ordinal)), MountType = "approle" };

    private VaultResult ReadRole(string name)
    {
        if (!_roles.TryGetValue(name, out var role))
        {
            return VaultError.NotFound;
        }

        var data = new JsonObject
        {
            ["bind_secret_id"] = role.BindSecretId,
            ["local_secret_ids"] = false,
            ["secret_id_bound_cidrs"] = new JsonArray(),
            ["secret_id_num_uses"] = role.SecretIdNumUses,
            ["secret_id_ttl"] = (long)role.SecretIdTtl.TotalSeconds,
        };
        role.Token.WriteTo(data);
        return new VaultResponse { Data = data, MountType = "approle" };
    }

    private VaultResult WriteRole(VaultRequest request, string name)
    {
        var data = request.Data;
        _roles.TryGetValue(name, out var existing);
        if (!Fields.TryBool(data, "bind_secret_id", existing?.BindSecretId ?? true, out var bind, out var error)
            || !Fields.TryInt(data, "secret_id_num_uses", out var numUses, out error)
            || !Fields.TryDuration(data, "secret_id_ttl", out var secretIdTtl, out error))
        {
            return error!;
        }

        var (token, tokenError) = TokenParams.Update(data, existing?.Token ?? new TokenParams());
        if (token is null)
        {
            return tokenError!;
        }

        if (Fields.StringList(data, "secret_id_bound_cidrs") is { Count: > 0 })
        {
            return VaultError.BadRequest("CIDR-bound secret IDs are not supported by the SecureLaunch dev server");
        }

        if (!bind)
        {
            return VaultError.BadRequest("at least one constraint should be enabled on the role");
        }

        if (numUses < 0)
        {
            return VaultError.BadRequest("secret_id_num_uses cannot be negative");
        }

        var roleId = Fields.String(data, "role_id");
        if (!string.IsNullOrEmpty(roleId) && _roles.Values.Any(r => r.RoleId == roleId && r.Name != name))
        {
            return VaultError.BadRequest("role_id already in use");
        }

        var role = existing ?? new AppRoleRole { Name = name, RoleId = string.IsNullOrEmpty(roleId) ? RandomIds.Uuid() : roleId };
        role.RoleId = string.IsNullOrEmpty(roleId) ? role.RoleId : roleId;
        role.BindSecretId = bind;
        role.SecretIdNumUses = data.ContainsKey("secret_id_num_uses") ? (int)numUses : role.SecretIdNumUses;
        role.SecretIdTtl = data.ContainsKey("secret_id_ttl") ? secretIdTtl : role.SecretIdTtl;
        role.Token = token;
        _roles[name] = role;
        return VaultNoContent.Instance;
    }

    private VaultNoContent DeleteRole(string name)
    {
        _roles.Remove(name);
        return VaultNoContent.Instance;
    }

    private VaultResult ReadRoleId(string name) => _roles.TryGetValue(name, out var role)
        ? new VaultResponse { Data = new JsonObject { ["role_id"] = role.RoleId }, MountType = "approle" }
        : VaultError.NotFound;

    private VaultResult WriteRoleId(VaultRequest request, string name)
    {
        if (!_roles.TryGetValue(name, out var role))
        {
            return VaultError.UnsupportedPath;
        }

        var roleId = Fields.String(request.Data, "role_id");
        if (string.IsNullOrEmpty(roleId))
        {
            return VaultError.BadRequest("missing role_id");
        }

        if (_roles.Values.Any(r => r.RoleId == roleId && r != role))
        {
            return VaultError.BadRequest("role_id already in use");
        }

        role.RoleId = roleId;
        return VaultNoContent.Instance;
    }

    private static VaultError RoleMissing(string name) => VaultError.BadRequest($"role \"{name}\" does not exist");

    /// <summary><c>role/NAME[/rest]</c>: the lower-cased role name (letters, digits, space, <c>-_.</c>) and the rest.</summary>
    private static (string? Name, string Tail) SplitRole(string subPath)
    {
        if (!subPath.StartsWith("role/", StringComparison.Ordinal))
        {
            return (null, string.Empty);
        }

        var tail = subPath["role/".Length..];
        var slash = tail.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? tail : tail[..slash];
        return RoleName().IsMatch(name) ? (name.ToLowerInvariant(), slash < 0 ? string.Empty : tail[(slash + 1)..]) : (null, string.Empty);
    }

    [GeneratedRegex(@"^[\w. -]{1,4095}$")]
    private static partial Regex RoleName();
}
