namespace SecureLaunch.Core.Spec;

/// <summary>One entry of <c>secrets:</c>: where to read it and how.</summary>
public sealed record SecretDefinition
{
    public required string Name { get; init; }
    public required string Path { get; init; }

    /// <summary>GET for reads (KV, <c>database/creds</c>), POST for endpoints that take a body (<c>pki/issue</c>).</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The request body as a JSON object text, for POST.</summary>
    public string? BodyJson { get; init; }

    /// <summary>KV v2: the version to read.</summary>
    public int? Version { get; init; }

    /// <summary>Where the secret is declared, for errors at run time.</summary>
    public required SourceLocation Location { get; init; }
}
