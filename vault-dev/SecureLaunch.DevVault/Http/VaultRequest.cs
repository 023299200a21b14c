using System.Text.Json.Nodes;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Http;

/// <summary>One API call as the backends see it: operation, path below <c>/v1/</c>, merged parameters and caller.</summary>
internal sealed class VaultRequest
{
    public required VaultOperation Operation { get; init; }

    /// <summary>The path below <c>/v1/</c>, e.g. <c>secret/data/myapp</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The JSON body for writes, or the query string for reads and lists (Vault merges them the same way).</summary>
    public required JsonObject Data { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The TTL asked for with <c>X-Vault-Wrap-TTL</c>, or null when the response is not to be wrapped.</summary>
    public TimeSpan? WrapTtl { get; init; }

    /// <summary>The token the client sent (<c>X-Vault-Token</c> or bearer), whether or not it is valid.</summary>
    public string? ClientToken { get; init; }

    /// <summary>The request id: the response's <c>request_id</c> and the audit entries' <c>request.id</c>.</summary>
    public string Id { get; } = Internal.RandomIds.Uuid();

    /// <summary>The client's IP address, or empty for a request made in process (the bootstrap).</summary>
    public string RemoteAddress { get; init; } = string.Empty;

    /// <summary>The operation as Vault's audit names it (<c>create</c> for a write to a missing target); set by the router.</summary>
    public string AuditOperation { get; set; } = string.Empty;

    /// <summary>The type and accessor of the mount the path falls under, empty when none; set by the router.</summary>
    public string MountType { get; set; } = string.Empty;

    /// <inheritdoc cref="MountType"/>
    public string MountAccessor { get; set; } = string.Empty;

    /// <summary>The calling token once authenticated; null on unauthenticated paths (logins, wrapping lookup).</summary>
    public TokenEntry? Token { get; set; }
}
