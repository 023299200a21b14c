namespace SecureLaunch.DevVault.Secrets.Pki;

/// <summary>A PKI role: which names it may certify, with what key, for how long.</summary>
internal sealed record PkiRole
{
    public IReadOnlyList<string> AllowedDomains { get; init; } = [];

    public bool AllowSubdomains { get; init; }

    public bool AllowBareDomains { get; init; }

    public bool AllowGlobDomains { get; init; }

    public bool AllowAnyName { get; init; }

    public bool AllowLocalhost { get; init; } = true;

    public bool AllowIpSans { get; init; } = true;

    public bool EnforceHostnames { get; init; } = true;

    public string KeyType { get; init; } = "rsa";

    public int KeyBits { get; init; } = 2048;

    public TimeSpan Ttl { get; init; }

    public TimeSpan MaxTtl { get; init; }

    public bool GenerateLease { get; init; }

    public bool NoStore { get; init; }
}
