using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureLaunch.DevVault.Seeding;

/// <summary>Reads the <c>dev:</c> section of a spec; every error names <c>file:line:column</c>.</summary>
internal static class SeedReader
{
    private const string Keys = "rootToken, kv, database, pki, policies, approle, userpass, jwt, kubernetes or bootstrap";

    public static DevVaultSeed Read(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var root = Load(yaml, sourceName);
        if (root is null)
        {
            return DevVaultSeed.Empty;
        }

        var nodes = new SeedNodes(sourceName);
        var top = nodes.Mapping(root, "the spec");
        if (!top.Children.TryGetValue(new YamlScalarNode("dev"), out var devNode) || SeedNodes.IsNull(devNode))
        {
            return DevVaultSeed.Empty;
        }

        var dev = nodes.Mapping(devNode, "dev");
        string? rootToken = null;
        var kv = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var roles = new Dictionary<string, DevDatabaseRole>(StringComparer.Ordinal);
        var policies = new Dictionary<string, string>(StringComparer.Ordinal);
        var appRoles = new Dictionary<string, DevAppRole>(StringComparer.Ordinal);
        var users = new Dictionary<string, DevUserpassUser>(StringComparer.Ordinal);
        var pkiRoles = new Dictionary<string, DevPkiRole>(StringComparer.Ordinal);
        DevJwtConfig? jwt = null;
        DevKubernetesAuth? kubernetes = null;
        DevVaultBootstrap? bootstrap = null;
        foreach (var (keyNode, value) in dev.Children)
        {
            switch (nodes.Key(keyNode))
            {
                case "rootToken":
                    rootToken = nodes.RootToken(value);
                    break;
                case "kv":
                    nodes.Kv(value, kv);
                    break;
                case "database":
                    nodes.Database(value, roles);
                    break;
                case "policies":
                    nodes.Policies(value, policies);
                    break;
                case "approle":
                    nodes.AppRole(value, appRoles);
                    break;
                case "userpass":
                    nodes.Userpass(value, users);
                    break;
                case "jwt":
                    jwt = nodes.Jwt(value);
                    break;
                case "kubernetes":
                    kubernetes = nodes.Kubernetes(value);
                    break;
                case "pki":
                    nodes.Pki(value, pkiRoles);
                    break;
                case "bootstrap":
                    bootstrap = nodes.Bootstrap(value);
                    break;
                case var other:
                    throw nodes.Error(keyNode, $"unknown key 'dev.{other}' (expected {Keys})");
            }
        }

        return new DevVaultSeed { RootToken = rootToken, Kv = kv, DatabaseRoles = roles, Policies = policies, AppRoles = appRoles, UserpassUsers = users, Jwt = jwt, Kubernetes = kubernetes, PkiRoles = pkiRoles, Bootstrap = bootstrap };
    }

    private static YamlNode? Load(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is not null && ex.Message.StartsWith('(') ? ex.InnerException.Message : ex.Message;
            throw new DevVaultSeedException(sourceName, ex.Start.Line, ex.Start.Column, Trim(message), ex);
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>YamlDotNet prefixes its messages with the location, which the exception already carries.</summary>
    private static string Trim(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0 ? message[(marker + 3)..] : message;
    }
}
