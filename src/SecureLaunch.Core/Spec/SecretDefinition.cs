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

    /// <summary>
    /// <c>rotate:</c>, what a change does to the containers using it; null for the default, chosen per container:
    /// <see cref="RotationPolicy.Restart"/> where it is used in <c>env</c>, <see cref="RotationPolicy.File"/> where only in files.
    /// </summary>
    public RotationPolicy? Rotate { get; init; }

    /// <summary><c>refresh:</c>, how often a secret without a lease (KV) is read again; null for the default (5 minutes).</summary>
    public TimeSpan? Refresh { get; init; }

    /// <summary><c>mintBudget:</c>, how many new credentials may be minted for it per window; null for the default (1 per minute).</summary>
    public Rate? MintBudget { get; init; }

    /// <summary>Where the secret is declared, for errors at run time.</summary>
    public required SourceLocation Location { get; init; }
}
