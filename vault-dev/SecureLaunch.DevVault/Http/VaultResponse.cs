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

    /// <summary>The wrap_info of a wrapped response (whose other fields are then empty).</summary>
    public JsonObject? WrapInfo { get; init; }

    /// <summary>A fixed request_id; null means a fresh UUID (Vault sends "" on wrapped responses).</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// Copy the data's keys to the top level as well, as Vault's HTTP layer does for a few legacy sys paths
    /// (<c>sys/mounts</c>, <c>sys/policy</c>, <c>sys/capabilities*</c>, <c>sys/auth</c>...).
    /// </summary>
    public bool InjectDataAtTopLevel { get; init; }
}
