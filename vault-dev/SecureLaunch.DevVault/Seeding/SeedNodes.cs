using SecureLaunch.DevVault.Internal;
using YamlDotNet.RepresentationModel;

namespace SecureLaunch.DevVault.Seeding;

/// <summary>Shape checks for the seed's nodes, each failure located at the offending node.</summary>
internal sealed partial class SeedNodes(string sourceName)
{
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain };

    public DevVaultSeedException Error(YamlNode node, string what) =>
        new(sourceName, node.Start.Line, node.Start.Column, what);

    public YamlMappingNode Mapping(YamlNode node, string name) =>
        node as YamlMappingNode ?? throw Error(node, $"'{name}' must be a mapping");

    public string Key(YamlNode node) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(node, "keys must be non-empty strings");

    public string Scalar(YamlNode node, string name) =>
        node is YamlScalarNode scalar && !IsNull(node) ? scalar.Value ?? string.Empty : throw Error(node, $"'{name}' must be a string value");

    public string RootToken(YamlNode node)
    {
        var token = Scalar(node, "dev.rootToken");
        return token.Trim().Length == 0 || token.Any(char.IsWhiteSpace) ? throw Error(node, "'dev.rootToken' must be a non-empty token without spaces") : token;
    }

    public void Kv(YamlNode node, Dictionary<string, IReadOnlyDictionary<string, string>> kv)
    {
        foreach (var (keyNode, fieldsNode) in Mapping(node, "dev.kv").Children)
        {
            var path = Key(keyNode).Trim('/');
            if (!IsKvPath(path))
            {
                throw Error(keyNode, $"'{path}' must start with 'secret/' (KV v2) or 'kv/' (KV v1) and name a secret below it");
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (fieldKey, fieldValue) in Mapping(fieldsNode, $"dev.kv.{path}").Children)
            {
                var name = Key(fieldKey);
                fields[name] = Scalar(fieldValue, $"dev.kv.{path}.{name}");
            }

            if (fields.Count == 0)
            {
                throw Error(fieldsNode, $"'dev.kv.{path}' must have at least one field");
            }

            kv[path] = fields;
        }
    }

    public void Database(YamlNode node, Dictionary<string, DevDatabaseRole> roles)
    {
        foreach (var (keyNode, value) in Mapping(node, "dev.database").Children)
        {
            if (Key(keyNode) != "roles")
            {
                throw Error(keyNode, $"unknown key 'dev.database.{Key(keyNode)}' (expected roles)");
            }

            foreach (var (roleKey, roleNode) in Mapping(value, "dev.database.roles").Children)
            {
                var name = Key(roleKey);
                roles[name] = Role(roleNode, name);
            }
        }
    }

    private DevDatabaseRole Role(YamlNode node, string name)
    {
        TimeSpan ttl = TimeSpan.Zero, maxTtl = TimeSpan.Zero;
        YamlNode? ttlNode = null;
        foreach (var (keyNode, value) in Mapping(node, $"dev.database.roles.{name}").Children)
        {
            switch (Key(keyNode))
            {
                case "ttl":
                    ttl = Duration(value, $"dev.database.roles.{name}.ttl");
                    ttlNode = value;
                    break;
                case "maxTtl":
                    maxTtl = Duration(value, $"dev.database.roles.{name}.maxTtl");
                    break;
                case var other:
                    throw Error(keyNode, $"unknown key 'dev.database.roles.{name}.{other}' (expected ttl or maxTtl)");
            }
        }

        if (maxTtl > TimeSpan.Zero && ttl > maxTtl)
        {
            throw Error(ttlNode ?? node, $"'dev.database.roles.{name}.ttl' cannot be greater than maxTtl");
        }

        return new DevDatabaseRole(ttl, maxTtl);
    }

    public TimeSpan Duration(YamlNode node, string name)
    {
        var text = Scalar(node, name);
        return GoDuration.TryParse(text, out var value) && value >= TimeSpan.Zero && value == TimeSpan.FromSeconds(Math.Floor(value.TotalSeconds))
            ? value
            : throw Error(node, $"'{name}' is not a duration in whole seconds (e.g. 30s, 2m, 1h30m, or plain seconds): '{text}'");
    }

    private static bool IsKvPath(string path) =>
        (path.StartsWith("secret/", StringComparison.Ordinal) && path.Length > "secret/".Length)
        || (path.StartsWith("kv/", StringComparison.Ordinal) && path.Length > "kv/".Length);
}
