using SecureLaunch.DevVault.Auth.Jwt;
using YamlDotNet.RepresentationModel;

namespace SecureLaunch.DevVault.Seeding;

/// <summary><c>dev.jwt</c>: validation keys, bound issuer and <c>role_type: jwt</c> roles.</summary>
internal sealed partial class SeedNodes
{
    public DevJwtConfig Jwt(YamlNode node)
    {
        var config = new DevJwtConfig();
        var roles = new Dictionary<string, DevJwtRole>(StringComparer.Ordinal);
        YamlNode? keysNode = null;
        foreach (var (keyNode, value) in Mapping(node, "dev.jwt").Children)
        {
            switch (Key(keyNode))
            {
                case "validationPublicKeys":
                    keysNode = value;
                    config = config with { ValidationPublicKeys = PublicKeys(value, "dev.jwt.validationPublicKeys") };
                    break;
                case "boundIssuer":
                    config = config with { BoundIssuer = NonEmpty(value, "dev.jwt.boundIssuer") };
                    break;
                case "defaultRole":
                    config = config with { DefaultRole = NonEmpty(value, "dev.jwt.defaultRole") };
                    break;
                case "roles":
                    foreach (var (roleKey, roleNode) in Mapping(value, "dev.jwt.roles").Children)
                    {
                        var name = Key(roleKey).ToLowerInvariant();
                        roles[name] = JwtRole(roleNode, $"dev.jwt.roles.{name}");
                    }

                    break;
                case var other:
                    throw Error(keyNode, $"unknown key 'dev.jwt.{other}' (expected validationPublicKeys, boundIssuer, defaultRole or roles)");
            }
        }

        if (config.ValidationPublicKeys.Count == 0)
        {
            throw Error(keysNode ?? node, "'dev.jwt.validationPublicKeys' needs at least one PEM public key");
        }

        return config with { Roles = roles };
    }

    private List<string> PublicKeys(YamlNode node, string name)
    {
        var pems = node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];
        var result = new List<string>();
        foreach (var pemNode in pems)
        {
            var pem = Scalar(pemNode, name);
            var (_, error) = JwtKeys.Parse(pem);
            result.Add(error is null ? pem : throw Error(pemNode, $"'{name}': {error}"));
        }

        return result;
    }

    private DevJwtRole JwtRole(YamlNode node, string path)
    {
        var role = new DevJwtRole(string.Empty);
        var token = DevTokenSettings.Default;
        foreach (var (keyNode, value) in Mapping(node, path).Children)
        {
            var key = Key(keyNode);
            switch (key)
            {
                case "userClaim":
                    role = role with { UserClaim = NonEmpty(value, $"{path}.userClaim") };
                    break;
                case "boundAudiences":
                    role = role with { BoundAudiences = StringList(value, $"{path}.boundAudiences") };
                    break;
                case "boundSubject":
                    role = role with { BoundSubject = NonEmpty(value, $"{path}.boundSubject") };
                    break;
                case "boundClaims":
                    role = role with { BoundClaims = BoundClaims(value, $"{path}.boundClaims") };
                    break;
                case "boundClaimsType":
                    role = role with
                    {
                        GlobBoundClaims = Scalar(value, $"{path}.boundClaimsType") switch
                        {
                            "glob" => true,
                            "string" => false,
                            var other => throw Error(value, $"'{path}.boundClaimsType' must be string or glob: '{other}'"),
                        },
                    };
                    break;
                case "claimMappings":
                    role = role with { ClaimMappings = Mapping(value, $"{path}.claimMappings").Children.ToDictionary(p => Key(p.Key), p => Scalar(p.Value, $"{path}.claimMappings.{Key(p.Key)}"), StringComparer.Ordinal) };
                    break;
                default:
                    if (!TryToken(key, value, path, ref token))
                    {
                        throw Error(keyNode, $"unknown key '{path}.{key}' (expected userClaim, boundAudiences, boundSubject, boundClaims, boundClaimsType, claimMappings, {TokenKeys})");
                    }

                    break;
            }
        }

        if (role.UserClaim.Length == 0)
        {
            throw Error(node, $"'{path}' needs a userClaim");
        }

        if (role.BoundAudiences.Count == 0 && role.BoundSubject is null && role.BoundClaims.Count == 0)
        {
            throw Error(node, $"'{path}' needs at least one of boundAudiences, boundSubject or boundClaims (Vault requires a bound constraint)");
        }

        CheckToken(token, node, path);
        return role with { Token = token };
    }

    private Dictionary<string, IReadOnlyList<string>> BoundClaims(YamlNode node, string path) =>
        Mapping(node, path).Children.ToDictionary(p => Key(p.Key), p => (IReadOnlyList<string>)StringList(p.Value, $"{path}.{Key(p.Key)}"), StringComparer.Ordinal);
}
