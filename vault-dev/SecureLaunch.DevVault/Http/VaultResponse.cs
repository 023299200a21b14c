using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Http;

/// <summary>A success in Vault's standard envelope (request_id, lease_id, renewable, lease_duration, data, wrap_info, warnings, auth, mount_type).</summary>
internal sealed record VaultResponse : VaultResult
{
    public JsonNode? Data { get; init; }

    public string LeaseId { get; init; } = string.Empty;

    public bool Renewable { get; init; }

    public long LeaseDuration { get; init; }

    public JsonObject? Auth { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }

    public string MountType { get; init; } = string.Empty;

    public int StatusCode { get; init; } = 200;
}
