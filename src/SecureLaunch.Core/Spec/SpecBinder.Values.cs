using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SecureLaunch.Core.Spec;

/// <summary>Readers for the value shapes the container options share: booleans, lists, list-or-map.</summary>
internal sealed partial class SpecBinder
{
    private bool? ReadBool(IConfigurationSection parent, string key)
    {
        var text = parent[key];
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        ValueError(ConfigurationPath.Combine(parent.Path, key), $"{key} '{text}' must be true or false");
        return null;
    }

    /// <summary>The entries of a YAML list in order; a scalar or a map is reported with <paramref name="example"/>.</summary>
    private List<IConfigurationSection> ListEntries(IConfigurationSection section, string example)
    {
        if (!section.Exists())
        {
            return [];
        }

        var children = section.GetChildren().ToList();
        if (section.Value is not null || !IsList(children))
        {
            (section.Value is null ? (Action<string, string>)Error : ValueError)(section.Path, $"{section.Key} must be a list, e.g. {example}");
            return [];
        }

        return [.. children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture))];
    }

    /// <summary>A list of plain strings, each with its configuration path; entries that are not strings are reported.</summary>
    private List<(string Value, string Path)> ReadStrings(IConfigurationSection section, string example)
    {
        var values = new List<(string, string)>();
        foreach (var entry in ListEntries(section, example))
        {
            if (string.IsNullOrWhiteSpace(entry.Value))
            {
                Error(entry.Path, $"each entry of {section.Key} must be a non-empty string, e.g. {example}");
                continue;
            }

            values.Add((entry.Value.Trim(), entry.Path));
        }

        return values;
    }

    private static bool IsList(List<IConfigurationSection> children) =>
        children.All(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _));
}
