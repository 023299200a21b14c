namespace SecureLaunch.DevVault;

/// <summary>A seeded AppRole at <c>auth/approle/role/:name</c>, with fixed credentials so tests and examples can log in.</summary>
public sealed record DevAppRole
{
    /// <summary>A fixed role_id, or null for a random UUID.</summary>
    public string? RoleId { get; init; }

    /// <summary>Secret IDs registered on the role (as <c>custom-secret-id</c> would), each with the role's defaults.</summary>
    public IReadOnlyList<string> SecretIds { get; init; } = [];

    /// <summary><c>bind_secret_id</c>.</summary>
    public bool BindSecretId { get; init; } = true;

    /// <summary><c>secret_id_num_uses</c>: uses of each secret ID; 0 means unlimited.</summary>
    public int SecretIdNumUses { get; init; }

    /// <summary><c>secret_id_ttl</c>: lifetime of each secret ID from server start; zero means forever.</summary>
    public TimeSpan SecretIdTtl { get; init; }

    /// <summary>The tokens a login gets.</summary>
    public DevTokenSettings Token { get; init; } = DevTokenSettings.Default;
}
