namespace SecureLaunch.DevVault.Auth.AppRole;

/// <summary>An AppRole and the secret IDs issued against it. Mutable, guarded by the state lock.</summary>
internal sealed class AppRoleRole
{
    public required string Name { get; init; }

    public required string RoleId { get; set; }

    public bool BindSecretId { get; set; } = true;

    /// <summary>Default uses of a new secret ID; 0 means unlimited.</summary>
    public int SecretIdNumUses { get; set; }

    /// <summary>Default lifetime of a new secret ID; zero means it never expires.</summary>
    public TimeSpan SecretIdTtl { get; set; }

    public TokenParams Token { get; set; } = new();

    /// <summary>Secret ID value -> its entry.</summary>
    public Dictionary<string, AppRoleSecretId> SecretIds { get; } = new(StringComparer.Ordinal);
}
