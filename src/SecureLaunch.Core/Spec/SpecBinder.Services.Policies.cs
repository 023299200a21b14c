using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;

namespace SecureLaunch.Core.Spec;

/// <summary>A service's labels, constraints, and update and restart policies.</summary>
internal sealed partial class SpecBinder
{

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

        CheckKeys(section, section.Path, SpecShape.ServiceUpdate);
        return new ServiceUpdateSettings
        {
            Parallelism = ReadInt(section, "parallelism", 0, 1000),
            Delay = ReadDuration(section, "delay"),
            Order = ReadChoice(section, "order", ["stop-first", "start-first"]),
            FailureAction = ReadChoice(section, "failureAction", ["pause", "continue", "rollback"]),
            Monitor = ReadDuration(section, "monitor"),
        };
    }

    private ServiceRestartSettings? BindServiceRestart(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return null;
        }

        CheckKeys(section, section.Path, SpecShape.ServiceRestart);
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
}
