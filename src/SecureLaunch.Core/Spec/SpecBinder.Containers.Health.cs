using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;

namespace SecureLaunch.Core.Spec;

/// <summary><c>healthcheck:</c> in Compose's form, durations as Go writes them (<c>1m30s</c>, <c>500ms</c>).</summary>
internal sealed partial class SpecBinder
{
    private static readonly string[] TestKinds = ["CMD", "CMD-SHELL", "NONE"];

    private HealthcheckDefinition? BindHealthcheck(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return null;
        }

        CheckKeys(section, section.Path, SpecShape.Healthcheck);
        var location = _map.Locate(section.Path);
        if (ReadBool(section, "disable") == true)
        {
            if (section.GetChildren().Any(c => c.Key != "disable"))
            {
                Error(section.Path, "healthcheck with 'disable: true' takes no other keys");
            }

            return new HealthcheckDefinition { Test = ["NONE"], Location = location };
        }

        var test = ReadTest(section.GetSection("test"));
        if (test is null)
        {
            return null;
        }

        return new HealthcheckDefinition
        {
            Test = test,
            Interval = ReadDuration(section, "interval"),
            Timeout = ReadDuration(section, "timeout"),
            StartPeriod = ReadDuration(section, "start_period"),
            Retries = ReadInt(section, "retries", 0, int.MaxValue),
            Location = location,
        };
    }

    /// <summary>A string is run by the container's shell (<c>CMD-SHELL</c>); a list starts with CMD, CMD-SHELL or NONE.</summary>
    private List<string>? ReadTest(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            Error(section.Path, "a healthcheck needs a 'test', e.g. [\"CMD\", \"wget\", \"-q\", \"--spider\", \"http://localhost/\"], or 'disable: true'");
            return null;
        }

        if (section.Value is { } shell)
        {
            return ["CMD-SHELL", shell];
        }

        var test = ReadStrings(section, "[\"CMD-SHELL\", \"pg_isready\"]").Select(e => e.Value).ToList();
        var kind = test.FirstOrDefault() ?? "";
        if (!TestKinds.Contains(kind, StringComparer.Ordinal))
        {
            ValueError(ConfigurationPath.Combine(section.Path, "0"), $"a healthcheck test list starts with CMD, CMD-SHELL or NONE, not '{kind}'{Suggestions.Hint(kind, TestKinds)}");
            return null;
        }

        if ((kind == "NONE" && test.Count != 1) || (kind == "CMD-SHELL" && test.Count != 2) || (kind == "CMD" && test.Count < 2))
        {
            Error(section.Path, kind switch
            {
                "NONE" => "healthcheck test [\"NONE\"] takes nothing after NONE",
                "CMD-SHELL" => "healthcheck test CMD-SHELL takes exactly one command string",
                _ => "healthcheck test CMD needs the program to run",
            });
            return null;
        }

        return test;
    }

    /// <summary>A Go duration (<c>1h2m3.5s</c>, <c>250ms</c>, <c>0</c>) as Docker takes them (healthchecks, service update and restart policies); 0 or at least a millisecond.</summary>
    private TimeSpan? ReadDuration(IConfigurationSection parent, string key)
    {
        var text = parent[key];
        if (text is null)
        {
            return null;
        }

        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        var path = ConfigurationPath.Combine(parent.Path, key);
        var match = Duration().Match(text);
        if (!match.Success)
        {
            ValueError(path, $"{key} '{text}' is not a duration: write e.g. 30s, 1m30s or 500ms");
            return null;
        }

        var ticks = 0m;
        for (var i = 0; i < match.Groups[1].Captures.Count; i++)
        {
            var number = decimal.Parse(match.Groups[2].Captures[i].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            ticks += number * match.Groups[3].Captures[i].Value switch
            {
                "h" => TimeSpan.TicksPerHour,
                "m" => TimeSpan.TicksPerMinute,
                "s" => TimeSpan.TicksPerSecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "us" or "µs" => TimeSpan.TicksPerMicrosecond,
                _ => 0.01m,
            };
        }

        if (ticks is > 0 and < TimeSpan.TicksPerMillisecond || ticks > TimeSpan.MaxValue.Ticks)
        {
            ValueError(path, $"{key} '{text}' must be 0 or at least 1ms");
            return null;
        }

        return TimeSpan.FromTicks((long)ticks);
    }

    [GeneratedRegex("^(([0-9]+(?:\\.[0-9]+)?)(h|ms|m|s|us|µs|ns))+$")]
    private static partial Regex Duration();
}
