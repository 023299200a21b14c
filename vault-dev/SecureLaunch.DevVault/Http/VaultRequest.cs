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

    /// <summary>The calling token once authenticated; null on unauthenticated paths (logins, wrapping lookup).</summary>
    public TokenEntry? Token { get; set; }
}
