namespace SecureLaunch.Core.Injection;

/// <summary>Finds a directory on tmpfs (memory-backed), where secret files may be written.</summary>
public static class TmpfsLocator
{
    /// <summary>Whether <paramref name="path"/> lies on a tmpfs or ramfs mount, judged from <c>/proc/self/mountinfo</c>.</summary>
    public static bool IsOnTmpfs(string path, string mountInfo = "/proc/self/mountinfo")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(mountInfo))
        {
            return false;
        }

        var full = Path.GetFullPath(path);
        string? bestMount = null;
        string? bestType = null;
        foreach (var line in File.ReadLines(mountInfo))
        {
            // "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw": mount point is field 5, type follows " - ".
            var fields = line.Split(' ');
            var separator = Array.IndexOf(fields, "-");
            if (fields.Length < 5 || separator < 0 || separator + 1 >= fields.Length)
            {
                continue;
            }

            var mountPoint = fields[4].Replace("\\040", " ", StringComparison.Ordinal);
            var under = full == mountPoint || full.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);
            if (under && (bestMount is null || mountPoint.Length >= bestMount.Length))
            {
                (bestMount, bestType) = (mountPoint, fields[separator + 1]);
            }
        }

        return bestType is "tmpfs" or "ramfs";
    }

    /// <summary>
    /// The first usable base directory among <paramref name="candidates"/>: on tmpfs, and creatable.
    /// Null when there is none, so the caller can refuse rather than write secrets to disk.
    /// </summary>
    public static string? FindBase(IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var candidate in candidates)
        {
            var parent = Path.GetDirectoryName(candidate);
            if (parent is not null && Directory.Exists(parent) && IsOnTmpfs(parent))
            {
                return candidate;
            }
        }

        return null;
    }
}
