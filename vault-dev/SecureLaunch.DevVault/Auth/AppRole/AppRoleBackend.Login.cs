using SecureLaunch.DevVault.Http;

namespace SecureLaunch.DevVault.Auth.AppRole;

/// <summary><c>auth/approle/login</c>: role_id plus (when bound) a live secret ID, whose uses are spent here.</summary>
internal sealed partial class AppRoleBackend
{
    private const string InvalidCredentials = "invalid role or secret ID";

    private VaultResult Login(VaultRequest request)
    {
        var roleId = Fields.String(request.Data, "role_id")?.Trim();
        if (string.IsNullOrEmpty(roleId))
        {
            return VaultError.BadRequest("missing role_id");
        }

        var role = _roles.Values.FirstOrDefault(r => r.RoleId == roleId);
        if (role is null)
        {
            return VaultError.BadRequest(InvalidCredentials);
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (role.BindSecretId)
        {
            var secretId = Fields.String(request.Data, "secret_id")?.Trim();
            if (string.IsNullOrEmpty(secretId))
            {
                return VaultError.BadRequest("missing secret_id");
            }

            if (!role.SecretIds.TryGetValue(secretId, out var entry) || !entry.IsLive(request.Now))
            {
                return VaultError.BadRequest(InvalidCredentials);
            }

            Spend(role, secretId, entry, request.Now);
            foreach (var (key, value) in entry.Metadata)
            {
                metadata[key] = value;
            }
        }

        metadata["role_name"] = role.Name;
        return _tokens.Issue(request, "approle", string.Empty, role.Token, metadata);
    }

    /// <summary>The last allowed use deletes the secret ID; later logins with it fail.</summary>
    private static void Spend(AppRoleRole role, string secretId, AppRoleSecretId entry, DateTimeOffset now)
    {
        if (entry.NumUses == 0)
        {
            return;
        }

        if (entry.NumUses == 1)
        {
            role.SecretIds.Remove(secretId);
            return;
        }

        entry.NumUses--;
        entry.LastUpdatedAt = now;
    }
}
