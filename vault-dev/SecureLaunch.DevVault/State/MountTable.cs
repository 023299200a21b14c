using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.State;

/// <summary>The fixed mounts of the dev server: what <c>sys/mounts</c> and <c>sys/internal/ui/mounts</c> report.</summary>
internal sealed class MountTable
{
    private const string CoreVersion = "v" + SystemDefaults.Version + "+builtin.vault";

    public MountTable()
    {
        Secrets =
        [
            Mount("database/", "database", "dynamic database credentials", null, plugin: true, "v" + SystemDefaults.Version + "+builtin"),
            Mount("kv/", "kv", "key/value secret storage", new Dictionary<string, string> { ["version"] = "1" }, plugin: true, "v0.15.0+builtin"),
            Mount("pki/", "pki", "dev certificate authority", null, plugin: true, "v" + SystemDefaults.Version + "+builtin.vault"),
            Mount("secret/", "kv", "key/value secret storage", new Dictionary<string, string> { ["version"] = "2" }, plugin: true, "v0.15.0+builtin"),
            Mount("sys/", "system", "system endpoints used for control, policy and debugging", null, plugin: false, CoreVersion),
        ];
        Auth =
        [
            Mount("approle/", "approle", "AppRole logins for machines", null, plugin: true, CoreVersion),
            Mount("jwt/", "jwt", "JWT logins for CI pipelines", null, plugin: true, "v0.16.0+builtin"),
            Mount("kubernetes/", "kubernetes", "Kubernetes service-account logins", null, plugin: true, "v0.16.0+builtin"),
            Mount("token/", "token", "token based credentials", null, plugin: false, CoreVersion),
            Mount("userpass/", "userpass", "username and password logins", null, plugin: true, CoreVersion),
        ];
    }

    /// <summary>Secrets engines, sorted by path.</summary>
    public IReadOnlyList<MountEntry> Secrets { get; }

    /// <summary>Auth methods (paths relative to <c>auth/</c>).</summary>
    public IReadOnlyList<MountEntry> Auth { get; }

    /// <summary>The mount a request path falls under (longest prefix), as Vault's router matches it.</summary>
    public MountEntry? Match(string path)
    {
        var withSlash = path.EndsWith('/') ? path : path + "/";
        if (withSlash.StartsWith("auth/", StringComparison.Ordinal))
        {
            var rest = withSlash["auth/".Length..];
            return Auth.FirstOrDefault(m => rest.StartsWith(m.Path, StringComparison.Ordinal));
        }

        return Secrets.FirstOrDefault(m => withSlash.StartsWith(m.Path, StringComparison.Ordinal));
    }

    private static MountEntry Mount(string path, string type, string description, IReadOnlyDictionary<string, string>? options, bool plugin, string runningVersion) => new()
    {
        Path = path,
        Type = type,
        Description = description,
        Accessor = (type is "token" or "approle" or "jwt" or "kubernetes" or "userpass" ? "auth_" + type : type) + "_" + RandomIds.ShortHex(),
        Uuid = RandomIds.Uuid(),
        Options = options,
        IsPlugin = plugin,
        RunningPluginVersion = runningVersion,
    };
}
