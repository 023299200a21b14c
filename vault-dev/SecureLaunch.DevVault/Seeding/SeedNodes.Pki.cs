using YamlDotNet.RepresentationModel;

namespace SecureLaunch.DevVault.Seeding;

/// <summary><c>dev.pki.roles.NAME</c>: roles for <c>pki/issue/:name</c>.</summary>
internal sealed partial class SeedNodes
{
    public void Pki(YamlNode node, Dictionary<string, DevPkiRole> roles)
    {
        foreach (var (keyNode, value) in Mapping(node, "dev.pki").Children)
        {
            if (Key(keyNode) != "roles")
            {
                throw Error(keyNode, $"unknown key 'dev.pki.{Key(keyNode)}' (expected roles)");
            }

            foreach (var (roleKey, roleNode) in Mapping(value, "dev.pki.roles").Children)
            {
                var name = Key(roleKey);
                roles[name] = PkiRole(roleNode, $"dev.pki.roles.{name}");
            }
        }
    }

    private DevPkiRole PkiRole(YamlNode node, string path)
    {
        var role = new DevPkiRole();
        var keyBitsGiven = false;
        foreach (var (keyNode, value) in Mapping(node, path).Children)
        {
            var key = Key(keyNode);
            var name = $"{path}.{key}";
            role = key switch
            {
                "allowedDomains" => role with { AllowedDomains = StringList(value, name) },
                "allowSubdomains" => role with { AllowSubdomains = Bool(value, name) },
                "allowBareDomains" => role with { AllowBareDomains = Bool(value, name) },
                "allowGlobDomains" => role with { AllowGlobDomains = Bool(value, name) },
                "allowAnyName" => role with { AllowAnyName = Bool(value, name) },
                "allowLocalhost" => role with { AllowLocalhost = Bool(value, name) },
                "allowIpSans" => role with { AllowIpSans = Bool(value, name) },
                "keyType" => role with
                {
                    KeyType = Scalar(value, name) is "rsa" or "ec" ? Scalar(value, name) : throw Error(value, $"'{name}' must be rsa or ec"),
                },
                "keyBits" => role with { KeyBits = Count(value, name) },
                "ttl" => role with { Ttl = Duration(value, name) },
                "maxTtl" => role with { MaxTtl = Duration(value, name) },
                "generateLease" => role with { GenerateLease = Bool(value, name) },
                _ => throw Error(keyNode, $"unknown key '{name}' (expected allowedDomains, allowSubdomains, allowBareDomains, allowGlobDomains, allowAnyName, allowLocalhost, allowIpSans, keyType, keyBits, ttl, maxTtl or generateLease)"),
            };
            keyBitsGiven |= key == "keyBits";
        }

        if (role.MaxTtl > TimeSpan.Zero && role.Ttl > role.MaxTtl)
        {
            throw Error(node, $"'{path}.ttl' cannot be greater than maxTtl");
        }

        return keyBitsGiven || role.KeyType == "rsa" ? role : role with { KeyBits = 256 };
    }
}
