using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;
using SecureLaunch.Core.Templates;

namespace SecureLaunch.Core.Spec;

internal sealed partial class SpecBinder
{
    private List<SecretDefinition> BindSecrets(IConfigurationSection section)
    {
        var secrets = new List<SecretDefinition>();
        foreach (var entry in Ordered(section))
        {
            if (!SpecNames.IsValidName(entry.Key))
            {
                Error(entry.Path, $"secret name '{entry.Key}' must start with a letter and hold only letters, digits, '_' or '-'");
                continue;
            }

            CheckKeys(entry, entry.Path, SpecShape.Secret);
            var path = entry["path"]?.Trim();
            if (string.IsNullOrEmpty(path))
            {
                Error(entry.Path, $"secret '{entry.Key}' needs a 'path', e.g. secret/myapp/config");
                continue;
            }

            if (path.StartsWith('/') || path.StartsWith("v1/", StringComparison.Ordinal))
            {
                ValueError(ConfigurationPath.Combine(entry.Path, "path"), $"write the path as Vault's CLI does, without '/' or 'v1/' in front: '{path.TrimStart('/')}'");
                continue;
            }

            var method = (entry["method"] ?? "GET").ToUpperInvariant();
            if (method is not ("GET" or "POST" or "PUT"))
            {
                ValueError(ConfigurationPath.Combine(entry.Path, "method"), $"method '{entry["method"]}' must be GET, POST or PUT");
            }

            var data = entry.GetSection("data");
            if (data.Exists() && method == "GET")
            {
                Error(data.Path, "'data' is a request body: it needs 'method: POST' (or PUT)");
            }

            secrets.Add(new SecretDefinition
            {
                Name = entry.Key,
                Path = path,
                Method = method,
                BodyJson = data.Exists() ? ToJson(data) : null,
                Version = ReadInt(entry, "version", 1, int.MaxValue),
                Rotate = ReadRotate(entry),
                Refresh = ReadDuration(entry, "refresh", TimeSpan.FromSeconds(1)),
                MintBudget = ReadRate(entry, "mintBudget"),
                Location = _map.Locate(entry.Path),
            });
        }

        return secrets;
    }

    /// <summary>A <c>data:</c> section as a JSON object; scalars stay strings, as Vault accepts for its parameters.</summary>
    private static string ToJson(IConfigurationSection section)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteNode(writer, section);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNode(Utf8JsonWriter writer, IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            writer.WriteStringValue(section.Value ?? string.Empty);
            return;
        }

        var isArray = children.All(c => int.TryParse(c.Key, out _));
        if (isArray)
        {
            writer.WriteStartArray();
            foreach (var child in children.OrderBy(c => int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture)))
            {
                WriteNode(writer, child);
            }

            writer.WriteEndArray();
            return;
        }

        writer.WriteStartObject();
        foreach (var child in children)
        {
            writer.WritePropertyName(child.Key);
            WriteNode(writer, child);
        }

        writer.WriteEndObject();
    }
}
