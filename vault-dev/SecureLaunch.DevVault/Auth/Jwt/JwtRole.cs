namespace SecureLaunch.DevVault.Auth.Jwt;

/// <summary>A JWT role: what a token must claim, and what the Vault token it buys looks like.</summary>
internal sealed record JwtRole
{
    public string RoleType { get; init; } = "oidc";

    public string UserClaim { get; init; } = string.Empty;

    public bool UserClaimJsonPointer { get; init; }

    public IReadOnlyList<string> BoundAudiences { get; init; } = [];

    public string BoundSubject { get; init; } = string.Empty;

    /// <summary>Claim (name or JSON pointer) -> accepted values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> BoundClaims { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string BoundClaimsType { get; init; } = "string";

    /// <summary>Claim -> token metadata key.</summary>
    public IReadOnlyDictionary<string, string> ClaimMappings { get; init; } = new Dictionary<string, string>();

    public string GroupsClaim { get; init; } = string.Empty;

    public IReadOnlyList<string> AllowedRedirectUris { get; init; } = [];

    public IReadOnlyList<string> OidcScopes { get; init; } = [];

    public TimeSpan ClockSkewLeeway { get; init; }

    public TimeSpan ExpirationLeeway { get; init; }

    public TimeSpan NotBeforeLeeway { get; init; }

    public TimeSpan MaxAge { get; init; }

    public bool VerboseOidcLogging { get; init; }

    public TokenParams Token { get; init; } = new();
}
