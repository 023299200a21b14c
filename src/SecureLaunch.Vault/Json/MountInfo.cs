using System.Text.Json;

namespace SecureLaunch.Vault.Json;

/// <summary>The <c>data</c> of <c>sys/internal/ui/mounts/:path</c>: the mount holding the path.</summary>
internal sealed record MountInfo
{
    /// <summary>The mount's path with a trailing slash, e.g. <c>secret/</c>.</summary>
    public string? Path { get; init; }

    /// <summary>The engine type: <c>kv</c>, <c>database</c>, <c>pki</c>...</summary>
    public string? Type { get; init; }

    /// <summary>For KV, <c>{"version":"2"}</c>; values are strings but kept as JSON in case one is not.</summary>
    public Dictionary<string, JsonElement>? Options { get; init; }
}
