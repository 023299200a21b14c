using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;

namespace SecureLaunch.DevVault.Auth.Kubernetes;

/// <summary>Kubernetes roles: write with the plugin's checks, read, list, delete.</summary>
internal sealed partial class KubernetesBackend
{
    private VaultResult ListRoles() =>
        _roles.Count == 0 ? VaultError.NotFound : new VaultResponse { Data = JsonOut.Keys(_roles.Keys.Order(StringComparer.Ordinal)), MountType = "kubernetes" };

    private VaultResult ReadRole(string name)
    {
        if (!_roles.TryGetValue(name, out var role))
        {
            return VaultError.NotFound;
        }

        var data = new JsonObject
        {
            ["alias_name_source"] = role.AliasNameSource,
            ["audience"] = role.Audience,
            ["bound_service_account_names"] = JsonOut.Strings(role.ServiceAccountNames),
            ["bound_service_account_namespaces"] = JsonOut.Strings(role.ServiceAccountNamespaces),
        };
        role.Token.WriteTo(data);
        return new VaultResponse { Data = data, MountType = "kubernetes" };
    }

    private VaultResult WriteRole(JsonObject data, string name)
    {
        var existing = _roles.GetValueOrDefault(name) ?? new KubernetesRole();
        var (token, error) = TokenParams.Update(data, existing.Token);
        if (token is null)
        {
            return error!;
        }

        var role = existing with
        {
            ServiceAccountNames = Fields.StringList(data, "bound_service_account_names") ?? existing.ServiceAccountNames,
            ServiceAccountNamespaces = Fields.StringList(data, "bound_service_account_namespaces") ?? existing.ServiceAccountNamespaces,
            Audience = Fields.String(data, "audience") ?? existing.Audience,
            AliasNameSource = Fields.String(data, "alias_name_source") is { Length: > 0 } source ? source : existing.AliasNameSource,
            Token = token,
        };
        if (role.ServiceAccountNames.Count == 0)
        {
            return VaultError.BadRequest("\"bound_service_account_names\" can not be empty");
        }

        if (role.ServiceAccountNamespaces.Count == 0)
        {
            return VaultError.BadRequest("\"bound_service_account_namespaces\" can not be empty");
        }

        if ((role.ServiceAccountNames.Count > 1 && role.ServiceAccountNames.Contains("*"))
            || (role.ServiceAccountNamespaces.Count > 1 && role.ServiceAccountNamespaces.Contains("*")))
        {
            return VaultError.BadRequest("can not mix \"*\" with values");
        }

        if (role.AliasNameSource is not ("serviceaccount_uid" or "serviceaccount_name"))
        {
            return VaultError.BadRequest($"invalid alias_name_source {role.AliasNameSource}");
        }

        _roles[name] = role;
        return VaultNoContent.Instance;
    }

    private VaultNoContent DeleteRole(string name)
    {
        _roles.Remove(name);
        return VaultNoContent.Instance;
    }
}
