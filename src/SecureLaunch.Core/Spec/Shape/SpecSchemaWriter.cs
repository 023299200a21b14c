using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureLaunch.Core.Spec.Shape;

/// <summary>Writes <see cref="SpecShape"/> as a JSON Schema (draft 2020-12) for editors and pipelines.</summary>
internal static class SpecSchemaWriter
{
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    public static string Write(SpecObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", Dialect);
            writer.WriteString("title", "SecureLaunch run spec");
            writer.WriteString("description", $"{root.Description}. Generated from the code by `securelaunch schema`.");
            WriteObjectBody(writer, root);
            writer.WriteStartObject("$defs");
            foreach (var section in SpecWalk.Sections(root).Skip(1).Select(s => s.Section).DistinctBy(s => s.Name))
            {
                writer.WriteStartObject(section.Name);
                writer.WriteString("description", section.Description);
                WriteObjectBody(writer, section);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteObjectBody(Utf8JsonWriter writer, SpecObject section)
    {
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        // Every key of every variant, so an editor completes them before the discriminator is written;
        // a name two variants share (kubernetes' tokenFile, token's tokenFile) is described by the first.
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in section.Keys.Concat(section.Variants.SelectMany(v => v.Keys)))
        {
            WriteProperties(writer, key, written);
        }

        writer.WriteEndObject();
        if (section.AllowsExtensions)
        {
            writer.WriteStartObject("patternProperties");
            writer.WriteStartObject("^x-");
            writer.WriteString("description", "An extension key, ignored by SecureLaunch (as in Compose files)");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteBoolean("additionalProperties", false);
        WriteConstraints(writer, section.Keys, section.Rules, section.Variants.Count > 0 ? section : null);
    }

    /// <summary><c>required</c> and an <c>allOf</c> of rules, required credentials and (for <paramref name="variants"/>) one <c>if</c>/<c>then</c> per variant.</summary>
    private static void WriteConstraints(Utf8JsonWriter writer, IReadOnlyList<SpecKey> keys, IReadOnlyList<SpecRule> rules, SpecObject? variants)
    {
        var required = keys.Where(k => k.Required && k.Type is not SpecType.Credential).Select(k => k.Name).ToList();
        if (required.Count > 0)
        {
            WriteStrings(writer, "required", required);
        }

        var credentials = keys.Where(k => k.Required && k.Type is SpecType.Credential).Select(k => SpecRule.OneOf(k.Name));
        var allRules = credentials.Concat(rules).ToList();
        if (allRules.Count == 0 && variants is null)
        {
            return;
        }

        writer.WriteStartArray("allOf");
        foreach (var rule in allRules)
        {
            writer.WriteStartObject();
            writer.WriteStartArray(rule.ExactlyOne ? "oneOf" : "anyOf");
            foreach (var name in rule.Keys.SelectMany(k => keys.FirstOrDefault(x => x.Name == k)?.Names ?? [k]))
            {
                writer.WriteStartObject();
                WriteStrings(writer, "required", [name]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        foreach (var variant in variants?.Variants ?? [])
        {
            WriteVariant(writer, variants!, variant);
        }

        writer.WriteEndArray();
    }

    private static void WriteVariant(Utf8JsonWriter writer, SpecObject section, SpecVariant variant)
    {
        var discriminator = section.Keys.Single(k => k.Name == section.Discriminator);
        writer.WriteStartObject();
        writer.WriteStartObject("if");
        writer.WriteStartObject("properties");
        writer.WriteStartObject(discriminator.Name);
        writer.WriteString("const", variant.Value);
        writer.WriteEndObject();
        writer.WriteEndObject();
        if (discriminator.Default != variant.Value)
        {
            WriteStrings(writer, "required", [discriminator.Name]);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("then");
        writer.WriteString("description", variant.Description);
        writer.WriteStartObject("properties");
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in variant.Keys)
        {
            WriteProperties(writer, key, written);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("propertyNames");
        WriteStrings(writer, "enum", [.. section.KeyNames, .. variant.KeyNames]);
        writer.WriteEndObject();
        WriteConstraints(writer, variant.Keys, variant.Rules, null);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The property (or, for a credential, the three properties) that <paramref name="key"/> is written as.</summary>
    private static void WriteProperties(Utf8JsonWriter writer, SpecKey key, HashSet<string> written)
    {
        if (!key.Names.All(written.Add))
        {
            return;
        }

        if (key.Type is SpecType.Credential)
        {
            writer.WriteStartObject(key.Name);
            writer.WriteString("description", $"{Capitalise(key.Description)}: secret material, usually written as ${{VAR}}; or use {key.Name}File or {key.Name}Env");
            writer.WriteString("type", "string");
            writer.WriteEndObject();
            writer.WriteStartObject(key.Name + "File");
            writer.WriteString("description", $"A file holding {key.Description} (trailing newlines are dropped)");
            writer.WriteString("type", "string");
            writer.WriteEndObject();
            writer.WriteStartObject(key.Name + "Env");
            writer.WriteString("description", $"An environment variable holding {key.Description}");
            writer.WriteString("type", "string");
            writer.WriteString("pattern", SpecShape.EnvNamePattern);
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartObject(key.Name);
        writer.WriteString("description", key.Secret ? $"{key.Description} (secret material)" : key.Description);
        WriteType(writer, key.Type);
        if (key.Default is { } value)
        {
            writer.WritePropertyName("default");
            WriteDefault(writer, key.Type, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter writer, SpecType type)
    {
        switch (type)
        {
            case SpecObject section:
                writer.WriteString("$ref", $"#/$defs/{section.Name}");
                break;
            case SpecType.Text text:
                writer.WriteString("type", "string");
                if (text.Pattern is not null)
                {
                    writer.WriteString("pattern", text.Pattern);
                }

                break;
            case SpecType.Template:
                writer.WriteString("type", "string");
                break;
            case SpecType.Integer { Minimum: var min, Maximum: var max } when min == max:
                writer.WriteNumber("const", min);
                break;
            case SpecType.Integer integer:
                writer.WriteString("type", "integer");
                writer.WriteNumber("minimum", integer.Minimum);
                writer.WriteNumber("maximum", integer.Maximum);
                break;
            case SpecType.Boolean:
                writer.WriteString("type", "boolean");
                break;
            case SpecType.Choice choice:
                writer.WriteString("type", "string");
                WriteStrings(writer, "enum", choice.Values);
                break;
            case SpecType.FileMode:
                // Quoted ("0440") it is octal text; unquoted, a YAML 1.2 editor reads 0440 as the integer 440.
                WriteStrings(writer, "type", ["string", "integer"]);
                writer.WriteString("pattern", "^0?[0-7]{1,3}$");
                writer.WriteNumber("minimum", 0);
                writer.WriteNumber("maximum", 777);
                break;
            case SpecType.Number number:
                writer.WriteString("type", "number");
                writer.WriteNumber("exclusiveMinimum", number.ExclusiveMinimum);
                break;
            case SpecType.AnyOf any:
                writer.WriteStartArray("anyOf");
                foreach (var alternative in any.Alternatives)
                {
                    writer.WriteStartObject();
                    WriteType(writer, alternative);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case SpecType.List list:
                writer.WriteString("type", "array");
                writer.WriteStartObject("items");
                WriteType(writer, list.Item);
                writer.WriteEndObject();
                break;
            case SpecType.Map map:
                writer.WriteString("type", "object");
                writer.WriteStartObject("propertyNames");
                writer.WriteString("pattern", map.KeyPattern);
                writer.WriteEndObject();
                if (map.MinimumCount > 0)
                {
                    writer.WriteNumber("minProperties", map.MinimumCount);
                }

                writer.WriteStartObject("additionalProperties");
                WriteType(writer, map.Value);
                writer.WriteEndObject();
                break;
            case SpecType.FreeForm:
                writer.WriteString("type", "object");
                break;
            default:
                throw new InvalidOperationException($"no schema for {type.GetType().Name}");
        }
    }

    private static void WriteDefault(Utf8JsonWriter writer, SpecType type, string value)
    {
        switch (type)
        {
            case SpecType.Boolean:
                writer.WriteBooleanValue(bool.Parse(value));
                break;
            case SpecType.Integer:
                writer.WriteNumberValue(long.Parse(value, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value);
                break;
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
