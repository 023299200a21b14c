using System.Globalization;
using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;

namespace SecureLaunch.Core.Spec;

/// <summary>The <c>rotation:</c> section and the per-secret <c>rotate:</c>, <c>refresh:</c> and <c>mintBudget:</c> keys.</summary>
internal sealed partial class SpecBinder
{
    private static readonly string[] PolicyNames = ["file", "signal", "restart", "none"];

    /// <summary>Linux signal names without <c>SIG</c>; real-time ones are <c>RTMIN</c>, <c>RTMIN+n</c>, <c>RTMAX-n</c>.</summary>
    private static readonly HashSet<string> SignalNames = new(StringComparer.Ordinal)
    {
        "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "IOT", "BUS", "FPE", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
        "STKFLT", "CHLD", "CONT", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "POLL",
        "PWR", "SYS", "RTMIN", "RTMAX",
    };

    private RotationSettings BindRotation(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return RotationSettings.Default;
        }

        CheckKeys(section, "rotation", SpecShape.Rotation);
        return new RotationSettings
        {
            Debounce = ReadDuration(section, "debounce", TimeSpan.Zero) ?? RotationSettings.DefaultDebounce,
            RateLimit = ReadRate(section, "rateLimit") ?? RotationSettings.DefaultRateLimit,
        };
    }

    /// <summary>
    /// Files rewritten while a container runs are reached through links placed in its root filesystem, which
    /// <c>read_only: true</c> forbids: an explicit <c>rotate: file</c> or <c>signal</c> on a secret in such a container's
    /// files is an error here, not a failed start. (Without <c>rotate:</c>, such files rotate by restart.)
    /// </summary>
    private void CheckReadOnlyRotation(List<ContainerDefinition> containers, List<SecretDefinition> secrets)
    {
        foreach (var container in containers.Where(c => c.ReadOnlyRootFilesystem))
        {
            var inFiles = container.Files.SelectMany(f => f.Content.References).Select(r => r.Secret).ToHashSet(StringComparer.Ordinal);
            foreach (var secret in secrets.Where(s => inFiles.Contains(s.Name) && s.Rotate?.Kind is RotationKind.File or RotationKind.Signal))
            {
                ErrorAt(secret.Location, $"secret '{secret.Name}' rotates by {secret.Rotate} but container '{container.Name}' has read_only: true, and files rewritten in place need links in its root filesystem; use rotate: restart, or read_only: false");
            }
        }
    }

    private RotationPolicy? ReadRotate(IConfigurationSection secret)
    {
        var text = secret["rotate"];
        if (text is null)
        {
            return null;
        }

        var key = ConfigurationPath.Combine(secret.Path, "rotate");
        var trimmed = text.Trim();
        switch (trimmed)
        {
            case "file":
                return RotationPolicy.File;
            case "restart":
                return RotationPolicy.Restart;
            case "none":
                return RotationPolicy.None;
            case "signal":
                return RotationPolicy.SendSignal("SIGHUP");
        }

        if (!trimmed.StartsWith("signal:", StringComparison.Ordinal))
        {
            ValueError(key, $"rotate '{text}' must be file, signal:SIGHUP (or another signal), restart or none{Suggestions.Hint(trimmed, PolicyNames)}");
            return null;
        }

        var name = trimmed["signal:".Length..].Trim().ToUpperInvariant();
        var bare = name.StartsWith("SIG", StringComparison.Ordinal) ? name[3..] : name;
        if (bare is "KILL" or "STOP")
        {
            ValueError(key, $"SIG{bare} cannot be caught, so it cannot ask a process to reload; use 'rotate: restart'");
            return null;
        }

        if (!IsSignalName(bare))
        {
            ValueError(key, $"'{trimmed["signal:".Length..].Trim()}' is not a signal name; write e.g. signal:SIGHUP, signal:SIGUSR1{Suggestions.Hint("SIG" + bare, SignalNames.Select(n => "SIG" + n).ToList())}");
            return null;
        }

        return RotationPolicy.SendSignal("SIG" + bare);
    }

    /// <summary>A duration of at least <paramref name="minimum"/>, e.g. <c>2s</c>, <c>5m</c>; null when absent or wrong (reported).</summary>
    private TimeSpan? ReadDuration(IConfigurationSection parent, string name, TimeSpan minimum)
    {
        var text = parent[name];
        if (text is null)
        {
            return null;
        }

        if (Durations.TryParse(text, out var value) && value >= minimum)
        {
            return value;
        }

        var least = minimum > TimeSpan.Zero ? $" of at least {Durations.Format(minimum)}" : string.Empty;
        ValueError(ConfigurationPath.Combine(parent.Path, name), $"{name} '{text}' must be a duration{least}, e.g. 500ms, 2s, 5m, 1h30m");
        return null;
    }

    /// <summary>A rate <c>N/DURATION</c> (<c>1/30s</c>: one per 30 seconds); null when absent or wrong (reported).</summary>
    private Rate? ReadRate(IConfigurationSection parent, string name)
    {
        var text = parent[name];
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('/', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 1000
            && Durations.TryParse(parts[1], out var window) && window >= TimeSpan.FromSeconds(1))
        {
            return new Rate(count, window);
        }

        ValueError(ConfigurationPath.Combine(parent.Path, name), $"{name} '{text}' must be a count from 1 to 1000 and a window of at least 1s, e.g. 1/30s (one per 30 seconds) or 3/10m");
        return null;
    }

    private static bool IsSignalName(string bare)
    {
        if (SignalNames.Contains(bare))
        {
            return true;
        }

        // RTMIN+3, RTMAX-2: what the kernel and Docker accept for real-time signals.
        foreach (var (prefix, sign) in new[] { ("RTMIN", '+'), ("RTMAX", '-') })
        {
            if (bare.Length > prefix.Length + 1 && bare.StartsWith(prefix, StringComparison.Ordinal) && bare[prefix.Length] == sign
                && int.TryParse(bare.AsSpan(prefix.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 15)
            {
                return true;
            }
        }

        return false;
    }
}
