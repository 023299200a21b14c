using System.Text.Json;

namespace SecureLaunch.Vault.Json;

/// <summary>Vault's common response envelope (any logical read, lease renewal, lookups).</summary>
internal sealed record SecretResponse
{
    public string? LeaseId { get; init; }

    public long LeaseDuration { get; init; }

    public bool Renewable { get; init; }

    /// <summary>Left as JSON: its shape depends on the endpoint (KV v2 nests a second <c>data</c>).</summary>
    public JsonElement? Data { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }
}
