using System.Text.Json;

namespace SecureLaunch.Vault.Json;

/// <summary>The <c>data</c> of a KV v2 read: the secret's fields and the version's metadata.</summary>
internal sealed record KvV2Data
{
    public Dictionary<string, JsonElement>? Data { get; init; }

    public KvV2Metadata? Metadata { get; init; }
}
