using System.Text.Json;

namespace SecureLaunch.Vault.Secrets;

/// <summary>What to read: a path as the user writes it (<c>secret/myapp/stripe</c>, <c>database/creds/app</c>).</summary>
public sealed record SecretRequest
{
    /// <summary>The path without <c>/v1/</c> and, for KV v2, without <c>data/</c>: the client adds it.</summary>
    public required string Path { get; init; }

    /// <summary>HTTP method for logical paths: GET (default) or POST (with <see cref="Body"/>, e.g. <c>pki/issue/web</c>).</summary>
    public HttpMethod Method { get; init; } = HttpMethod.Get;

    /// <summary>JSON object sent as the request body when <see cref="Method"/> is POST or PUT.</summary>
    public JsonElement? Body { get; init; }

    /// <summary>KV v2 only: the version to read; null reads the current one.</summary>
    public int? Version { get; init; }
}
