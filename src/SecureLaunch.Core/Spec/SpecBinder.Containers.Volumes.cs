using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;

namespace SecureLaunch.Core.Spec;

/// <summary>
/// <c>volumes:</c> as Compose writes them: <c>"./data:/data:ro"</c> (a bind; relative sources are resolved against the
/// spec's directory), <c>"pgdata:/var/lib/postgresql"</c> (a named volume), <c>"/tmp"</c> (anonymous), or
/// <c>{ type, source, target, read_only }</c>. No mount may land on SecureLaunch's own paths or on a secret file.
/// </summary>
internal sealed partial class SpecBinder
{
    private const string ReservedDirectory = "/.securelaunch";
    private static readonly string[] VolumeModes = ["ro", "rw", "nocopy"];

    /// <summary>macOS consistency hints Compose files carry; they change nothing on Linux.</summary>
    private static readonly string[] IgnoredVolumeModes = ["cached", "delegated", "consistent"];

    /// <summary>The spec file's directory: relative bind-mount sources are resolved against it, as Compose does.</summary>
    public string BaseDirectory { get; init; } = "/";

    /// <summary>What <c>~</c> stands for in a bind-mount source.</summary>
    public string? HomeDirectory { get; init; }

    private List<VolumeDefinition> BindVolumes(IConfigurationSection section)
    {
        var volumes = new List<VolumeDefinition>();
        foreach (var entry in ListEntries(section, "[\"./html:/usr/share/nginx/html:ro\", \"pgdata:/var/lib/postgresql/data\"]"))
        {
            if ((entry.Value is not null ? ParseShortVolume(entry.Path, entry.Value) : BindLongVolume(entry)) is { } volume)
            {
                volumes.Add(volume);
            }
        }

        return volumes;
    }

    private VolumeDefinition? ParseShortVolume(string key, string text)
    {
        var parts = text.Split(':');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0))
        {
            ValueError(key, $"'{text}' must be [source:]target[:ro], e.g. \"./data:/data:ro\" or \"pgdata:/data\"");
            return null;
        }

        var (source, target) = parts.Length == 1 ? (null, parts[0]) : (parts[0], parts[1]);
        var targetOffset = parts.Length == 1 ? 0 : parts[0].Length + 1;
        var (readOnly, noCopy) = (false, false);
        if (parts.Length == 3)
        {
            var offset = parts[0].Length + parts[1].Length + 2;
            foreach (var mode in parts[2].Split(','))
            {
                switch (mode)
                {
                    case "ro":
                        readOnly = true;
                        break;
                    case "rw":
                        break;
                    case "nocopy":
                        noCopy = true;
                        break;
                    case "z" or "Z":
                        ErrorAt(_map.LocateValue(key, offset), $"'{mode}' (SELinux relabelling) is not supported: the mount is passed to Docker as a mount, which cannot relabel; label the host path yourself");
                        return null;
                    default:
                        if (!IgnoredVolumeModes.Contains(mode, StringComparer.Ordinal))
                        {
                            ErrorAt(_map.LocateValue(key, offset), $"volume mode '{mode}' must be ro, rw or nocopy{Suggestions.Hint(mode, VolumeModes)}");
                            return null;
                        }

                        break;
                }

                offset += mode.Length + 1;
            }
        }

        if (!IsAbsoluteContainerPath(target))
        {
            ErrorAt(_map.LocateValue(key, targetOffset), $"container path '{target}' must be absolute, e.g. /data");
            return null;
        }

        return Volume(key, source, target, readOnly, noCopy, text);
    }

    private VolumeDefinition? BindLongVolume(IConfigurationSection entry)
    {
        CheckKeys(entry, entry.Path, SpecShape.Volume);
        var type = entry["type"] ?? "volume";
        var source = NullIfEmpty(entry["source"]);
        var target = entry["target"];
        var readOnly = ReadBool(entry, "read_only") ?? false;
        if (type is not ("bind" or "volume"))
        {
            ValueError(ConfigurationPath.Combine(entry.Path, "type"), $"volume type '{type}' must be bind or volume{Suggestions.Hint(type, ["bind", "volume"])}");
            return null;
        }

        if (target is null || !IsAbsoluteContainerPath(target))
        {
            Error(target is null ? entry.Path : ConfigurationPath.Combine(entry.Path, "target"), $"a volume needs an absolute 'target' path inside the container, e.g. /data{(target is null ? "" : $", not '{target}'")}");
            return null;
        }

        if (type == "bind" && source is null)
        {
            Error(entry.Path, "a bind mount needs a 'source' path on the host");
            return null;
        }

        if (type == "volume" && source is not null && IsHostPath(source))
        {
            ValueError(ConfigurationPath.Combine(entry.Path, "source"), $"'{source}' is a host path: write 'type: bind' to mount it, or give a volume name");
            return null;
        }

        if (type == "bind" && source is not null && !IsHostPath(source))
        {
            source = "./" + source;
        }

        return Volume(entry.Path, source, target, readOnly, noCopy: false, source ?? target);
    }

    private VolumeDefinition? Volume(string key, string? source, string target, bool readOnly, bool noCopy, string text)
    {
        var location = _map.LocateValue(key);
        if (source is null)
        {
            return new VolumeDefinition { Kind = VolumeKind.Volume, Target = NormalizeContainerPath(target), ReadOnly = readOnly, NoCopy = noCopy, Location = location };
        }

        if (IsHostPath(source))
        {
            var path = source.StartsWith('~') ? (HomeDirectory ?? "~") + source[1..] : source;
            return new VolumeDefinition
            {
                Kind = VolumeKind.Bind,
                Source = Path.GetFullPath(path, BaseDirectory),
                Target = NormalizeContainerPath(target),
                ReadOnly = readOnly,
                Location = location,
            };
        }

        if (!VolumeName().IsMatch(source))
        {
            ValueError(key, $"'{source}' in '{text}' is neither a host path (start it with /, ./ or ~/) nor a volume name (letters, digits, '_', '.', '-')");
            return null;
        }

        return new VolumeDefinition { Kind = VolumeKind.Volume, Source = source, Target = NormalizeContainerPath(target), ReadOnly = readOnly, NoCopy = noCopy, Location = location };
    }

    /// <summary>
    /// Volumes must not land on <c>/</c>, on <c>/.securelaunch</c> (the init and hidden env file), on each other,
    /// on a secret file, or around one: Docker would create the file's mount point inside the volume's source.
    /// </summary>
    private void CheckMountTargets(List<FileDefinition> files, List<VolumeDefinition> volumes)
    {
        var fileTargets = files.Select(f => NormalizeContainerPath(f.Target)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var volume in volumes)
        {
            var target = volume.Target;
            var problem = target == "/" ? "cannot replace the container's root filesystem"
                : IsReserved(target) ? $"is inside {ReservedDirectory}, where SecureLaunch mounts its init and hidden env file"
                : !seen.Add(target) ? "is the target of another volume of this container"
                : fileTargets.FirstOrDefault(f => f == target || IsUnder(target, f)) is { } file ? $"collides with the secret file '{file}'"
                : fileTargets.FirstOrDefault(f => IsUnder(f, target)) is { } inner ? $"holds the secret file '{inner}': Docker would create its mount point inside the volume's source; put secret files outside volume targets"
                : null;
            if (problem is not null)
            {
                ErrorAt(volume.Location, $"volume target '{target}' {problem}");
            }
        }
    }

    private static bool IsHostPath(string source) => source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~');

    private static bool IsAbsoluteContainerPath(string path) => path.StartsWith('/');

    private static bool IsReserved(string path) =>
        NormalizeContainerPath(path) is var normal && (normal == ReservedDirectory || IsUnder(normal, ReservedDirectory));

    private static bool IsUnder(string path, string directory) =>
        path.StartsWith(directory == "/" ? "/" : directory + "/", StringComparison.Ordinal) && path != directory;

    /// <summary><c>/a/./b/../c/</c> as <c>/a/c</c>: how the runtime will resolve it, so that collisions cannot hide behind spelling.</summary>
    private static string NormalizeContainerPath(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment != ".")
            {
                parts.Add(segment);
            }
        }

        return "/" + string.Join('/', parts);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]+$")]
    private static partial Regex VolumeName();
}
