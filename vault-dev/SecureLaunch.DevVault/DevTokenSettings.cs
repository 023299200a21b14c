namespace SecureLaunch.DevVault;

/// <summary>The tokens a seeded role or user logs in to: Vault's <c>token_*</c> fields.</summary>
public sealed record DevTokenSettings
{
    /// <summary>No policies but <c>default</c>, system TTLs.</summary>
    public static DevTokenSettings Default { get; } = new();

    /// <summary><c>token_policies</c>; <c>default</c> is added unless <see cref="NoDefaultPolicy"/>.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary><c>token_ttl</c>; zero means the system default (768h).</summary>
    public TimeSpan Ttl { get; init; }

    /// <summary><c>token_max_ttl</c>; zero means the system max (768h).</summary>
    public TimeSpan MaxTtl { get; init; }

    /// <summary><c>token_explicit_max_ttl</c>: a hard cap no renewal passes.</summary>
    public TimeSpan ExplicitMaxTtl { get; init; }

    /// <summary><c>token_period</c>: periodic tokens renew to this TTL with no max TTL.</summary>
    public TimeSpan Period { get; init; }

    /// <summary><c>token_num_uses</c>; zero means unlimited.</summary>
    public int NumUses { get; init; }

    /// <summary><c>token_no_default_policy</c>.</summary>
    public bool NoDefaultPolicy { get; init; }
}
