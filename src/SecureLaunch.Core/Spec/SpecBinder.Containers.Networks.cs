using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace SecureLaunch.Core.Spec;

/// <summary><c>networks:</c>, <c>labels:</c> and <c>pull:</c>.</summary>
internal sealed partial class SpecBinder
{
    private static readonly string[] PullPolicies = ["missing", "always", "never"];

    private List<string> BindNetworks(IConfigurationSection section)
    {
        var networks = new List<string>();
        foreach (var (name, path) in ReadStrings(section, "[frontend, backend]"))
        {
            if (name.StartsWith("container:", StringComparison.Ordinal))
            {
                ValueError(path, $"'{name}' is a network mode; sharing another container's network is not supported");
            }
            else if (!NetworkName().IsMatch(name))
            {
                ValueError(path, $"'{name}' is not a network name (letters, digits, '_', '.', '-')");
            }
            else if (networks.Contains(name, StringComparer.Ordinal))
            {
                ValueError(path, $"network '{name}' is listed twice");
            }
            else
            {
                networks.Add(name);
            }
        }

        if (networks.Count > 1 && networks.FirstOrDefault(n => n is "host" or "none") is { } alone)
        {
            Error(section.Path, $"network '{alone}' cannot be combined with other networks");
        }

        return networks;
    }

    /// <summary>A map (<c>team: payments</c>) or a list (<c>["team=payments"]</c>), as Compose accepts.</summary>
    private Dictionary<string, string> BindLabels(IConfigurationSection section)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!section.Exists())
        {
            return labels;
        }

        if (section.Value is not null)
        {
            ValueError(section.Path, "labels must be a map (team: payments) or a list ([\"team=payments\"])");
            return labels;
        }

        var children = section.GetChildren().ToList();
        var entries = IsList(children)
            ? ReadStrings(section, "[\"team=payments\"]").Select(e => e.Value.IndexOf('=', StringComparison.Ordinal) is var i and >= 0
                ? (Key: e.Value[..i], Value: e.Value[(i + 1)..], e.Path)
                : (Key: e.Value, Value: "", e.Path))
            : children.OrderBy(c => _map.OrderOf(c.Path)).Select(c => (c.Key, Value: c.Value ?? "", c.Path));
        foreach (var (key, value, path) in entries)
        {
            if (key.Length == 0)
            {
                ValueError(path, "a label needs a name before '='");
            }
            else if (key.StartsWith("securelaunch.", StringComparison.OrdinalIgnoreCase))
            {
                Error(path, $"label '{key}': labels starting with 'securelaunch.' are SecureLaunch's own (it finds and cleans up its containers by them)");
            }
            else if (value.Contains("{{", StringComparison.Ordinal))
            {
                ValueError(path, $"label '{key}': labels show in docker inspect, so they cannot hold secrets ('{{{{' is not allowed here)");
            }
            else if (!labels.TryAdd(key, value))
            {
                Error(path, $"label '{key}' is given twice");
            }
        }

        return labels;
    }

    private PullPolicy BindPull(IConfigurationSection container)
    {
        var text = container["pull"];
        switch (text)
        {
            case null or "missing":
                return PullPolicy.Missing;
            case "always":
                return PullPolicy.Always;
            case "never":
                return PullPolicy.Never;
            default:
                ValueError(ConfigurationPath.Combine(container.Path, "pull"), $"pull '{text}' must be missing (the default), always or never{Suggestions.Hint(text, PullPolicies)}");
                return PullPolicy.Missing;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex NetworkName();
}
