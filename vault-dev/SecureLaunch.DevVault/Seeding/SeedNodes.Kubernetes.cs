using SecureLaunch.DevVault.Auth.Jwt;
using SecureLaunch.DevVault.Auth.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace SecureLaunch.DevVault.Seeding;

/// <summary><c>dev.kubernetes</c>: host, issuer, roles, and the service-account tokens the TokenReview stand-in accepts.</summary>
internal sealed partial class SeedNodes
{
    public DevKubernetesAuth Kubernetes(YamlNode node)
    {
        var auth = new DevKubernetesAuth();
        var roles = new Dictionary<string, DevKubernetesRole>(StringComparer.Ordinal);
        var tokens = new Dictionary<string, DevKubernetesServiceAccount>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in Mapping(node, "dev.kubernetes").Children)
        {
            switch (Key(keyNode))
            {
                case "kubernetesHost":
                    auth = auth with { KubernetesHost = NonEmpty(value, "dev.kubernetes.kubernetesHost") };
                    break;
                case "issuer":
                    auth = auth with { Issuer = NonEmpty(value, "dev.kubernetes.issuer") };
                    break;
                case "roles":
                    foreach (var (roleKey, roleNode) in Mapping(value, "dev.kubernetes.roles").Children)
                    {
                        var name = Key(roleKey);
                        roles[name] = KubernetesRole(roleNode, $"dev.kubernetes.roles.{name}");
                    }

                    break;
                case "serviceAccounts":
                    if (value is not YamlSequenceNode accounts)
                    {
                        throw Error(value, "'dev.kubernetes.serviceAccounts' must be a list of { token, name, namespace, uid }");
                    }

                    foreach (var accountNode in accounts.Children)
                    {
                        var (token, account) = ServiceAccount(accountNode, "dev.kubernetes.serviceAccounts[]");
                        tokens[token] = account;
                    }

                    break;
                case var other:
                    throw Error(keyNode, $"unknown key 'dev.kubernetes.{other}' (expected kubernetesHost, issuer, roles or serviceAccounts)");
            }
        }

        return auth with { Roles = roles, ServiceAccountTokens = tokens };
    }

    private DevKubernetesRole KubernetesRole(YamlNode node, string path)
    {
        List<string>? names = null, namespaces = null;
        string? audience = null;
        var token = DevTokenSettings.Default;
        foreach (var (keyNode, value) in Mapping(node, path).Children)
        {
            var key = Key(keyNode);
            switch (key)
            {
                case "boundServiceAccountNames":
                    names = StringList(value, $"{path}.{key}");
                    break;
                case "boundServiceAccountNamespaces":
                    namespaces = StringList(value, $"{path}.{key}");
                    break;
                case "audience":
                    audience = NonEmpty(value, $"{path}.audience");
                    break;
                default:
                    if (!TryToken(key, value, path, ref token))
                    {
                        throw Error(keyNode, $"unknown key '{path}.{key}' (expected boundServiceAccountNames, boundServiceAccountNamespaces, audience, {TokenKeys})");
                    }

                    break;
            }
        }

        if (names is not { Count: > 0 } || namespaces is not { Count: > 0 })
        {
            throw Error(node, $"'{path}' needs boundServiceAccountNames and boundServiceAccountNamespaces");
        }

        CheckToken(token, node, path);
        return new DevKubernetesRole(names, namespaces) { Audience = audience, Token = token };
    }

    /// <summary>A token and the account it stands for; name, namespace and uid default to the token's own claims.</summary>
    private (string Token, DevKubernetesServiceAccount Account) ServiceAccount(YamlNode node, string path)
    {
        string? token = null, name = null, ns = null, uid = null;
        YamlNode? tokenNode = null;
        foreach (var (keyNode, value) in Mapping(node, path).Children)
        {
            switch (Key(keyNode))
            {
                case "token":
                    (token, tokenNode) = (NonEmpty(value, $"{path}.token"), value);
                    break;
                case "name":
                    name = NonEmpty(value, $"{path}.name");
                    break;
                case "namespace":
                    ns = NonEmpty(value, $"{path}.namespace");
                    break;
                case "uid":
                    uid = NonEmpty(value, $"{path}.uid");
                    break;
                case var other:
                    throw Error(keyNode, $"unknown key '{path}.{other}' (expected token, name, namespace or uid)");
            }
        }

        var (jwt, _) = JwtToken.Parse(token ?? throw Error(node, $"'{path}' needs a token"));
        if (jwt is null)
        {
            throw Error(tokenNode!, $"'{path}.token' is not a JWT (a service-account token is one)");
        }

        var claims = ServiceAccountClaims.From(jwt.Claims);
        var account = new DevKubernetesServiceAccount(name ?? claims.Name, ns ?? claims.Namespace) { Uid = uid ?? claims.Uid };
        return account.Name.Length == 0 || account.Namespace.Length == 0 || account.Uid.Length == 0
            ? throw Error(node, $"'{path}' needs name, namespace and uid (given, or in the token's claims)")
            : (token, account);
    }
}
