namespace SecureLaunch.DevVault;

/// <summary>A dynamic database role: credentials live <paramref name="Ttl"/> and renew up to <paramref name="MaxTtl"/>.</summary>
public sealed record DevDatabaseRole(TimeSpan Ttl, TimeSpan MaxTtl)
{
    /// <summary>The database connection the role belongs to, as Vault's <c>db_name</c>.</summary>
    public string DbName { get; init; } = "dev";
}
