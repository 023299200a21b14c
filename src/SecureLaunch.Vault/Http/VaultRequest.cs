using System.Net;

namespace SecureLaunch.Vault.Http;

/// <summary>One Vault call as the transport sends it; rebuilt into a fresh HttpRequestMessage per attempt.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The normalized path without <c>/v1/</c>, not yet escaped; safe to show in messages.</param>
internal sealed record VaultRequest(HttpMethod Method, string Path)
{
    private static readonly IReadOnlySet<HttpStatusCode> NoStatuses = new HashSet<HttpStatusCode>();

    /// <summary>Query string without the leading <c>?</c>; only non-sensitive values (a KV version).</summary>
    public string? Query { get; init; }

    /// <summary>UTF-8 JSON body; never logged nor put in a message.</summary>
    public byte[]? Body { get; init; }

    public RequestSafety Safety { get; init; } = RequestSafety.Idempotent;

    /// <summary>Non-success statuses the caller parses itself (health's 429/503, a KV v2 404 with metadata).</summary>
    public IReadOnlySet<HttpStatusCode> HandledStatuses { get; init; } = NoStatuses;

    /// <summary>The path with its query, as shown in messages and logs.</summary>
    public string Display => Query is null ? Path : $"{Path}?{Query}";
}
