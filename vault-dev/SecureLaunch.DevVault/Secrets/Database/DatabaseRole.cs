namespace SecureLaunch.DevVault.Secrets.Database;

/// <summary>A dynamic role as <c>database/roles/:name</c> stores it; the statements are kept and shown, never run.</summary>
internal sealed record DatabaseRole
{
    public required string DbName { get; init; }

    public TimeSpan DefaultTtl { get; init; }

    public TimeSpan MaxTtl { get; init; }

    public IReadOnlyList<string> CreationStatements { get; init; } = [];

    public IReadOnlyList<string> RevocationStatements { get; init; } = [];

    public IReadOnlyList<string> RollbackStatements { get; init; } = [];

    public IReadOnlyList<string> RenewStatements { get; init; } = [];

    public static DatabaseRole FromSeed(DevDatabaseRole seed) => new()
    {
        DbName = seed.DbName,
        DefaultTtl = seed.Ttl,
        MaxTtl = seed.MaxTtl,
        CreationStatements = ["CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';"],
    };
}
