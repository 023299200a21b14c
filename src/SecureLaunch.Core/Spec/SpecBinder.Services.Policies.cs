using Microsoft.Extensions.Configuration;

namespace SecureLaunch.Core.Spec;

/// <summary>A service's labels, constraints, and update and restart policies.</summary>
internal sealed partial class SpecBinder
{
    private const string SecureLaunchLabelPrefix = "securelaunch.";
    private static readonly string[] UpdateKeys = ["parallelism", "delay", "order", "failureAction", "monitor"];
    private static readonly string[] RestartKeys = ["condition", "delay", "maxAttempts", "window"];

    private Dictionary<string, string> BindLabels(IConfigurationSection section)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Ordered(section))
        {
            if (entry.Key.StartsWith(SecureLaunchLabelPrefix, StringComparison.OrdinalIgnoreCase))
            {
                Error(entry.Path, $"labels starting with '{SecureLaunchLabelPrefix}' are SecureLaunch's own");
            }
            else if (entry.Value is null)
            {
                Error(entry.Path, $"label '{entry.Key}' needs a value (write \"\" for an empty one)");
            }
            else
            {
                labels[entry.Key] = entry.Value;
            }
        }

        return labels;
    }

    private List<string> BindConstraints(IConfigurationSection section)
    {
        var constraints = new List<string>();
        if (section.Value is not null)
        {
            ValueError(section.Path, "constraints must be a list, e.g. [\"node.role == manager\"]");
            return constraints;
        }

        foreach (var entry in Ordered(section))
        {
            var constraint = entry.Value ?? string.Empty;
            if (constraint.Contains("==", StringComparison.Ordinal) || constraint.Contains("!=", StringComparison.Ordinal))
            {
                constraints.Add(constraint.Trim());
            }
            else
            {
                ValueError(entry.Path, $"constraint '{constraint}' must compare with == or !=, e.g. \"node.role == manager\"");
            }
        }

        return constraints;
    }

    private ServiceUpdateSettings? BindUpdate(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return null;
        }

        CheckKeys(section, section.Path, UpdateKeys);
        return new ServiceUpdateSettings
        {
            Parallelism = ReadInt(section, "parallelism", 0, 1000),
            Delay = ReadDuration(section, "delay"),
            Order = ReadChoice(section, "order", ["stop-first", "start-first"]),
            FailureAction = ReadChoice(section, "failureAction", ["pause", "continue", "rollback"]),
            Monitor = ReadDuration(section, "monitor"),
        };
    }

    private ServiceRestartSettings? BindRestart(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return null;
        }

        CheckKeys(section, section.Path, RestartKeys);
        return new ServiceRestartSettings
        {
            Condition = ReadChoice(section, "condition", ["any", "on-failure", "none"]),
            Delay = ReadDuration(section, "delay"),
            MaxAttempts = ReadInt(section, "maxAttempts", 0, int.MaxValue),
            Window = ReadDuration(section, "window"),
        };
    }

    private string? ReadChoice(IConfigurationSection parent, string key, string[] choices)
    {
        var text = parent[key];
        if (text is null || choices.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        ValueError(ConfigurationPath.Combine(parent.Path, key), $"{key} '{text}' must be {string.Join(", ", choices[..^1])} or {choices[^1]}{Suggestions.Hint(text, choices)}");
        return null;
    }

    /// <summary>Go-style durations as Docker's CLI takes them: <c>500ms</c>, <c>10s</c>, <c>1m30s</c>, <c>2h</c>; <c>0</c> alone.</summary>
    private TimeSpan? ReadDuration(IConfigurationSection parent, string key)
    {
        var text = parent[key];
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text.Trim(), out var duration))
        {
            return duration;
        }

        ValueError(ConfigurationPath.Combine(parent.Path, key), $"'{text}' is not a duration; write e.g. 500ms, 10s, 1m30s or 2h");
        return null;
    }
}
