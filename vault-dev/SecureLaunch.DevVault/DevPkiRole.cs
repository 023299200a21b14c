namespace SecureLaunch.DevVault;

/// <summary>A seeded PKI role at <c>pki/roles/:name</c>, for <c>pki/issue/:name</c> against the dev CA.</summary>
public sealed record DevPkiRole
{
    /// <summary><c>allowed_domains</c>.</summary>
    public IReadOnlyList<string> AllowedDomains { get; init; } = [];

    /// <summary><c>allow_subdomains</c>: names below an allowed domain.</summary>
    public bool AllowSubdomains { get; init; }

    /// <summary><c>allow_bare_domains</c>: an allowed domain itself.</summary>
    public bool AllowBareDomains { get; init; }

    /// <summary><c>allow_glob_domains</c>: allowed domains may hold <c>*</c>.</summary>
    public bool AllowGlobDomains { get; init; }

    /// <summary><c>allow_any_name</c>.</summary>
    public bool AllowAnyName { get; init; }

    /// <summary><c>allow_localhost</c> (Vault's default: true).</summary>
    public bool AllowLocalhost { get; init; } = true;

    /// <summary><c>allow_ip_sans</c> (Vault's default: true).</summary>
    public bool AllowIpSans { get; init; } = true;

    /// <summary><c>key_type</c>: <c>rsa</c> or <c>ec</c>.</summary>
    public string KeyType { get; init; } = "rsa";

    /// <summary><c>key_bits</c>: 2048/3072/4096 for RSA, 256/384/521 for EC.</summary>
    public int KeyBits { get; init; } = 2048;

    /// <summary><c>ttl</c>; zero means 768h.</summary>
    public TimeSpan Ttl { get; init; }

    /// <summary><c>max_ttl</c>; zero means 768h.</summary>
    public TimeSpan MaxTtl { get; init; }

    /// <summary><c>generate_lease</c>: issue each certificate under a lease of its TTL.</summary>
    public bool GenerateLease { get; init; }
}
