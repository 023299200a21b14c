namespace SecureLaunch.DevVault.Auth;

/// <summary>
/// A token store role (<c>auth/token/roles/:name</c>). The deprecated <c>period</c> and <c>explicit_max_ttl</c> are kept
/// apart from their <c>token_</c> successors because Vault reads both back as they were written.
/// </summary>
internal sealed record TokenRole
{
    public required string Name { get; init; }

    /// <summary>Lower-cased, sorted, without duplicates; <c>default</c> is never added here (Vault adds it at creation).</summary>
    public IReadOnlyList<string> AllowedPolicies { get; init; } = [];

    public IReadOnlyList<string> DisallowedPolicies { get; init; } = [];

    public bool Orphan { get; init; }

    public bool Renewable { get; init; } = true;

    public string PathSuffix { get; init; } = string.Empty;

    /// <summary><c>token_period</c>: what creation and every renewal use when set.</summary>
    public TimeSpan TokenPeriod { get; init; }

    /// <summary>The deprecated <c>period</c>, echoed on read; writing it also sets <see cref="TokenPeriod"/>.</summary>
    public TimeSpan Period { get; init; }

    public TimeSpan TokenExplicitMaxTtl { get; init; }

    /// <summary>The deprecated <c>explicit_max_ttl</c>, echoed on read.</summary>
    public TimeSpan ExplicitMaxTtl { get; init; }

    public bool TokenNoDefaultPolicy { get; init; }

    public int TokenNumUses { get; init; }

    /// <summary><c>default-service</c> or <c>service</c>: batch tokens are not part of the dev server.</summary>
    public string TokenType { get; init; } = "default-service";
}
