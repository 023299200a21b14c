using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureLaunch.Core.Spec;

/// <summary>
/// Reads a YAML spec into flat configuration keys (<c>containers:web:env:DB_USER</c>), expanding
/// <c>${VAR}</c> in scalar values and recording every key's line and column.
/// </summary>
/// <remarks>The <c>dev:</c> section is left out: it seeds the dev Vault, which reads it itself.</remarks>
internal sealed class YamlSpecReader
{
    private readonly string _source;
    private readonly Func<string, string?> _environment;
    private readonly SpecSourceMap _map;
    private readonly List<SpecDiagnostic> _errors;
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    private YamlSpecReader(string source, Func<string, string?> environment, SpecSourceMap map, List<SpecDiagnostic> errors)
    {
        _source = source;
        _environment = environment;
        _map = map;
        _errors = errors;
    }

    /// <summary>Parses <paramref name="yaml"/>; problems go to <paramref name="errors"/>, positions to <paramref name="map"/>.</summary>
    public static IReadOnlyDictionary<string, string?> Read(
        string yaml, string source, Func<string, string?> environment, SpecSourceMap map, List<SpecDiagnostic> errors)
    {
        var reader = new YamlSpecReader(source, environment, map, errors);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            errors.Add(new SpecDiagnostic(new SourceLocation(source, (int)ex.Start.Line, (int)ex.Start.Column), OneLine(ex)));
            return reader._values;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            errors.Add(new SpecDiagnostic(new SourceLocation(source, 1, 1), "the spec is empty"));
            return reader._values;
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            errors.Add(new SpecDiagnostic(reader.At(second), "the spec holds more than one YAML document; put everything in one"));
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new SpecDiagnostic(reader.At(stream.Documents[0].RootNode.Start), "the spec must be a mapping (key: value)"));
            return reader._values;
        }

        reader.Visit(root, parent: null, topLevel: true);
        return reader._values;
    }

    private void Visit(YamlNode node, string? parent, bool topLevel = false)
    {
        switch (node)
        {
            case YamlMappingNode { Children.Count: 0 } or YamlSequenceNode { Children.Count: 0 } when parent is not null:
                // An empty {} or [] is kept as a key without a value, as `key:` is, so `depends_on: { db: {} }` still names db.
                _values[parent] = null;
                break;
            case YamlMappingNode mapping:
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { Length: > 0 } name } || name.Contains(ConfigurationPath.KeyDelimiter, StringComparison.Ordinal))
                    {
                        _errors.Add(new SpecDiagnostic(At(keyNode.Start), "keys must be plain names without ':'"));
                        continue;
                    }

                    if (topLevel && name == "dev")
                    {
                        _map.Record("dev", At(keyNode.Start));
                        _values["dev"] = "(dev vault seed)";
                        continue;
                    }

                    var key = parent is null ? name : ConfigurationPath.Combine(parent, name);
                    _map.Record(key, At(keyNode.Start));
                    Visit(valueNode, key);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var key = ConfigurationPath.Combine(parent!, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    _map.Record(key, At(sequence.Children[i].Start));
                    Visit(sequence.Children[i], key);
                }

                break;
            case YamlScalarNode scalar:
                var quote = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
                _map.RecordValue(parent!, At(scalar.Start).Offset(quote), IsCountable(scalar));
                _values[parent!] = Expand(scalar, parent!);
                break;
            default:
                _errors.Add(new SpecDiagnostic(At(node.Start), "anchors and aliases are not supported in specs"));
                break;
        }
    }

    private string? Expand(YamlScalarNode scalar, string key)
    {
        if (scalar.Value is null || (scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or ""))
        {
            return null;
        }

        var result = EnvironmentInterpolator.Expand(scalar.Value, _environment);
        if (result.Error is null)
        {
            return result.Value;
        }

        _errors.Add(new SpecDiagnostic(_map.LocateValue(key, result.ErrorOffset), result.Error));
        return null;
    }

    /// <summary>Columns inside a single-line plain or quoted scalar without escapes can be counted; elsewhere the start is close enough.</summary>
    private static bool IsCountable(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
        && scalar.Value is not null
        && scalar.End.Line == scalar.Start.Line
        && scalar.End.Column - scalar.Start.Column == scalar.Value.Length + (scalar.Style == ScalarStyle.Plain ? 0 : 2);

    private SourceLocation At(Mark mark) => new(_source, (int)mark.Line, (int)mark.Column);

    private static string OneLine(YamlException ex)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: ...) - (...): "; the location is reported separately.
        var message = ex.InnerException?.Message ?? ex.Message;
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (marker >= 0 ? message[(marker + 3)..] : message).ReplaceLineEndings(" ").Trim();
    }
}
