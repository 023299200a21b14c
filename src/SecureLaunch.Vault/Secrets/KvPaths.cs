namespace SecureLaunch.Vault.Secrets;

/// <summary>Path arithmetic for KV mounts, after the Vault CLI's <c>addPrefixToKVPath</c>.</summary>
internal static class KvPaths
{
    /// <summary>
    /// The mount as the request path spells it, or null when the path is not under it. Vault may report the mount
    /// with the namespace in front (<c>ns1/secret/</c>) while the request path is relative to <c>X-Vault-Namespace</c>
    /// (<c>secret/app</c>), so leading segments are dropped until the path starts with what is left.
    /// </summary>
    public static string? RelativeMount(string path, string reportedMount)
    {
        var mount = reportedMount.Trim('/');
        while (mount.Length > 0)
        {
            if (new KvMount(mount, string.Empty, null).Contains(path))
            {
                return mount;
            }

            var slash = mount.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                return null;
            }

            mount = mount[(slash + 1)..];
        }

        return null;
    }

    /// <summary><c>secret/app/db</c> on mount <c>secret</c> becomes <c>secret/data/app/db</c>.</summary>
    public static string V2DataPath(string path, string mount)
    {
        if (path.Length == mount.Length)
        {
            return $"{mount}/data";
        }

        return $"{mount}/data/{path[(mount.Length + 1)..]}";
    }
}
