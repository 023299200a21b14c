using YamlDotNet.RepresentationModel;

namespace SecureLaunch.DevVault.Seeding;

/// <summary><c>dev.approle.roles.NAME</c>: a role with fixed role and secret IDs.</summary>
internal sealed partial class SeedNodes
{
    public void AppRole(YamlNode node, Dictionary<string, DevAppRole> roles)
    {
        foreach (var (keyNode, value) in Mapping(node, "dev.approle").Children)
        {
            if (Key(keyNode) != "roles")
            {
                throw Error(keyNode, $"unknown key 'dev.approle.{Key(keyNode)}' (expected roles)");
            }

            foreach (var (roleKey, roleNode) in Mapping(value, "dev.approle.roles").Children)
            {
                var name = Key(roleKey).ToLowerInvariant();
                roles[name] = AppRoleRole(roleNode, $"dev.approle.roles.{name}");
            }
        }
    }

    private DevAppRole AppRoleRole(YamlNode node, string path)
    {
        var role = new DevAppRole();
        var token = DevTokenSettings.Default;
        var secretIds = new List<string>();
        foreach (var (keyNode, value) in Mapping(node, path).Children)
        {
            var key = Key(keyNode);
            switch (key)
            {
                case "roleId":
                    role = role with { RoleId = NonEmpty(value, $"{path}.roleId") };
                    break;
                case "secretId":
                    secretIds.Add(NonEmpty(value, $"{path}.secretId"));
                    break;
                case "secretIds":
                    secretIds.AddRange(StringList(value, $"{path}.secretIds"));
                    break;
                case "bindSecretId":
                    role = role with { BindSecretId = Bool(value, $"{path}.bindSecretId") };
                    break;
                case "secretIdNumUses":
                    role = role with { SecretIdNumUses = Count(value, $"{path}.secretIdNumUses") };
                    break;
                case "secretIdTtl":
                    role = role with { SecretIdTtl = Duration(value, $"{path}.secretIdTtl") };
                    break;
                default:
                    if (!TryToken(key, value, path, ref token))
                    {
                        throw Error(keyNode, $"unknown key '{path}.{key}' (expected roleId, secretId, secretIds, bindSecretId, secretIdNumUses, secretIdTtl, {TokenKeys})");
                    }

                    break;
            }
        }

        CheckToken(token, node, path);
        if (!role.BindSecretId)
        {
            throw Error(node, $"'{path}' needs bindSecretId: true (Vault refuses a role without a constraint)");
        }

        return role with { SecretIds = secretIds, Token = token };
    }
}
