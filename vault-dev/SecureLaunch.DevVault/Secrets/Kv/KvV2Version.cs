using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Secrets.Kv;

/// <summary>One version of a KV v2 secret; <see cref="Data"/> is null once destroyed.</summary>
internal sealed class KvV2Version
{
    public required int Number { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public JsonObject? Data { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public bool Destroyed { get; set; }

    public bool Readable => DeletedAt is null && !Destroyed;
}
