namespace SecureLaunch.Vault.Secrets;

/// <summary>A mount as the client caches it.</summary>
/// <param name="MountPath">The mount as request paths spell it, without slashes at the ends (<c>secret</c>).</param>
/// <param name="Type">The engine type Vault reported (<c>kv</c>, <c>database</c>...).</param>
/// <param name="KvVersion">1 or 2 for a KV mount; null for any other engine.</param>
internal sealed record KvMount(string MountPath, string Type, int? KvVersion)
{
    public bool Contains(string path) =>
        path.Length == MountPath.Length
            ? string.Equals(path, MountPath, StringComparison.Ordinal)
            : path.StartsWith(MountPath + "/", StringComparison.Ordinal);
}
