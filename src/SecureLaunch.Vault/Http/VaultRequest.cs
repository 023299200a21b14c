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

    /// <summary>Which token goes in <c>X-Vault-Token</c>; the client's unless the endpoint says otherwise.</summary>
    public RequestToken Token { get; init; } = RequestToken.Client;

    /// <summary>
    /// Credentials this request carries (a password, a secret-id, a JWT, a wrapping token): Vault never echoes
    /// them, but should an error or warning ever quote one, it is replaced before it reaches a message or a log.
    /// </summary>
    public IReadOnlyList<string> Sensitive { get; init; } = [];

    /// <summary>Sent as <c>X-Vault-Wrap-TTL</c> (whole seconds) to have Vault response-wrap the answer; null for none.</summary>
    public TimeSpan? WrapTtl { get; init; }

    /// <summary>Non-success statuses the caller parses itself (health's 429/503, a KV v2 404 with metadata).</summary>
    public IReadOnlySet<HttpStatusCode> HandledStatuses { get; init; } = NoStatuses;

    /// <summary>The path with its query, as shown in messages and logs.</summary>
    public string Display => Query is null ? Path : $"{Path}?{Query}";

    /// <summary>Only what is safe to show: never the body, the token or the sensitive values.</summary>
    public override string ToString() => $"VaultRequest {{ {Method.Method} {Display}, Token = {Token}, Safety = {Safety} }}";
}
