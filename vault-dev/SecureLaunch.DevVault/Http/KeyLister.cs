namespace SecureLaunch.DevVault.Http;

/// <summary>What a LIST returns: the direct children of a folder, sub-folders suffixed with <c>/</c>, sorted.</summary>
internal static class KeyLister
{
    public static IReadOnlyList<string> Children(IEnumerable<string> keys, string folder)
    {
        if (folder.Length > 0 && !folder.EndsWith('/'))
        {
            folder += "/";
        }

        var children = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!key.StartsWith(folder, StringComparison.Ordinal) || key.Length == folder.Length)
            {
                continue;
            }

            var rest = key[folder.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            children.Add(slash < 0 ? rest : rest[..(slash + 1)]);
        }

        return [.. children];
    }
}
