namespace SecureLaunch.DevVault;

/// <summary>The seeded <c>auth/jwt/config</c> and its roles (all of <c>role_type: jwt</c>).</summary>
public sealed record DevJwtConfig
{
    /// <summary><c>jwt_validation_pubkeys</c>: PEM public keys (PKIX or certificates) tokens must be signed by.</summary>
    public IReadOnlyList<string> ValidationPublicKeys { get; init; } = [];

    /// <summary><c>bound_issuer</c>, or null for any issuer.</summary>
    public string? BoundIssuer { get; init; }

    /// <summary><c>default_role</c>, used when a login names no role.</summary>
    public string? DefaultRole { get; init; }

    /// <summary>Role name -> role.</summary>
    public IReadOnlyDictionary<string, DevJwtRole> Roles { get; init; } = new Dictionary<string, DevJwtRole>();
}
