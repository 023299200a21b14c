namespace SecureLaunch.Core.Spec.Shape;

/// <summary>The sections of a shape in document order, each with the path the docs show for it.</summary>
internal static class SpecWalk
{
    /// <summary>
    /// <paramref name="root"/> first (path ""), then every section reachable through its keys, depth first:
    /// <c>vault</c>, <c>vault.auth</c>, <c>secrets.&lt;name&gt;</c>, <c>containers.&lt;name&gt;.files[]</c>.
    /// </summary>
    public static IEnumerable<(string Path, SpecObject Section)> Sections(SpecObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Visit(root, string.Empty, seen);
    }

    private static IEnumerable<(string Path, SpecObject Section)> Visit(SpecObject section, string path, HashSet<string> seen)
    {
        if (!seen.Add(section.Name))
        {
            yield break;
        }

        yield return (path, section);
        foreach (var key in section.Keys.Concat(section.Variants.SelectMany(v => v.Keys)))
        {
            var child = path.Length == 0 ? key.Name : $"{path}.{key.Name}";
            foreach (var (inner, innerPath) in Unwrap(key.Type, child))
            {
                foreach (var found in Visit(inner, innerPath, seen))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>The sections a key's type holds, through maps, lists and alternatives, each with its path.</summary>
    private static IEnumerable<(SpecObject Section, string Path)> Unwrap(SpecType type, string path) => type switch
    {
        SpecObject section => [(section, path)],
        SpecType.Map map => Unwrap(map.Value, $"{path}.<{map.KeyName}>"),
        SpecType.List list => Unwrap(list.Item, $"{path}[]"),
        SpecType.AnyOf any => any.Alternatives.SelectMany(a => Unwrap(a, path)),
        _ => [],
    };
}
