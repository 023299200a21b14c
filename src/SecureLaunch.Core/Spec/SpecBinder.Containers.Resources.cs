using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;

namespace SecureLaunch.Core.Spec;

/// <summary><c>memory</c>, <c>cpus</c>, <c>pids_limit</c> and <c>restart</c>.</summary>
internal sealed partial class SpecBinder
{
    private static readonly string[] RestartPolicies = ["no", "on-failure", "always", "unless-stopped"];

    private ContainerResources BindResources(IConfigurationSection container) => new()
    {
        MemoryBytes = ReadMemory(container),
        NanoCpus = ReadCpus(container),
        PidsLimit = ReadPidsLimit(container),
    };

    /// <summary>Bytes, or a number with b, k, m, g, t or p (powers of 1024, as <c>docker run --memory</c>): <c>512m</c>, <c>1.5g</c>.</summary>
    private long? ReadMemory(IConfigurationSection container)
    {
        var text = container["memory"];
        if (text is null)
        {
            return null;
        }

        var key = ConfigurationPath.Combine(container.Path, "memory");
        var match = MemorySize().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            ValueError(key, $"memory '{text}' is not a size: write bytes or a number with b, k, m or g, e.g. 512m");
            return null;
        }

        var exponent = match.Groups[2].Success ? "bkmgtp".IndexOf(char.ToLowerInvariant(match.Groups[2].Value[0]), StringComparison.Ordinal) : 0;
        var bytes = number * (decimal)Math.Pow(1024, exponent);
        if (bytes < SpecShape.MinimumMemory || bytes > long.MaxValue)
        {
            ValueError(key, bytes < SpecShape.MinimumMemory ? $"memory '{text}' must be at least 6m, the smallest limit Docker accepts" : $"memory '{text}' is more than any host has");
            return null;
        }

        return (long)bytes;
    }

    /// <summary><c>1.5</c> is one and a half CPUs, 1 500 000 000 in Docker's <c>NanoCpus</c>.</summary>
    private long? ReadCpus(IConfigurationSection container)
    {
        var text = container["cpus"];
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cpus)
            && cpus > 0 && cpus <= 1_000_000 && cpus * 1_000_000_000m is var nano && nano == decimal.Truncate(nano))
        {
            return (long)nano;
        }

        ValueError(ConfigurationPath.Combine(container.Path, "cpus"), $"cpus '{text}' must be a number of CPUs above 0, e.g. 0.5 or 2");
        return null;
    }

    private long? ReadPidsLimit(IConfigurationSection container)
    {
        var text = container["pids_limit"];
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit) && (limit == -1 || limit >= 1))
        {
            return limit;
        }

        ValueError(ConfigurationPath.Combine(container.Path, "pids_limit"), $"pids_limit '{text}' must be a whole number from 1, or -1 for no limit");
        return null;
    }

    /// <summary><c>no</c>, <c>on-failure[:N]</c>, <c>always</c> or <c>unless-stopped</c>, applied by SecureLaunch (see <see cref="RestartPolicy"/>).</summary>
    private RestartPolicy BindRestart(IConfigurationSection container)
    {
        var text = container["restart"];
        var key = ConfigurationPath.Combine(container.Path, "restart");
        switch (text)
        {
            case null or "no":
                return RestartPolicy.No;
            case "always":
                return new RestartPolicy(RestartKind.Always);
            case "unless-stopped":
                return new RestartPolicy(RestartKind.UnlessStopped);
            case "on-failure":
                return new RestartPolicy(RestartKind.OnFailure);
            case not null when text.StartsWith("on-failure:", StringComparison.Ordinal):
                var count = text["on-failure:".Length..];
                if (int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max >= 1)
                {
                    return new RestartPolicy(RestartKind.OnFailure, max);
                }

                ErrorAt(_map.LocateValue(key, "on-failure:".Length), $"'{count}' in restart '{text}' must be how many times to restart, a whole number from 1");
                return RestartPolicy.No;
            default:
                ValueError(key, $"restart '{text}' must be no, on-failure[:N], always or unless-stopped{Suggestions.Hint(text, RestartPolicies)}");
                return RestartPolicy.No;
        }
    }

    [GeneratedRegex("^([0-9]+(?:\\.[0-9]+)?) ?([bBkKmMgGtTpP])?[iI]?[bB]?$")]
    private static partial Regex MemorySize();
}
