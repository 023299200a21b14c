namespace SecureLaunch.DevVault;

/// <summary>A seeded JWT role (<c>role_type: jwt</c>); at least one bound (audiences, subject or claims) is required, as Vault requires.</summary>
/// <param name="UserClaim">The claim naming the user (<c>user_claim</c>), e.g. <c>sub</c>.</param>
public sealed record DevJwtRole(string UserClaim)
{
    /// <summary><c>bound_audiences</c>: any one must be in the token's <c>aud</c>.</summary>
    public IReadOnlyList<string> BoundAudiences { get; init; } = [];

    /// <summary><c>bound_subject</c>, or null.</summary>
    public string? BoundSubject { get; init; }

    /// <summary><c>bound_claims</c>: claim (or JSON pointer) -> accepted values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> BoundClaims { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary><c>bound_claims_type: glob</c> when true (values may hold <c>*</c>).</summary>
    public bool GlobBoundClaims { get; init; }

    /// <summary><c>claim_mappings</c>: claim -> token metadata key.</summary>
    public IReadOnlyDictionary<string, string> ClaimMappings { get; init; } = new Dictionary<string, string>();

    /// <summary>The tokens a login gets.</summary>
    public DevTokenSettings Token { get; init; } = DevTokenSettings.Default;
}
