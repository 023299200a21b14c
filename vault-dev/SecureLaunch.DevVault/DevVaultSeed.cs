namespace SecureLaunch.DevVault;

/// <summary>What the dev Vault holds when it starts: KV secrets, database roles and an optional root token.</summary>
public sealed record DevVaultSeed
{
    /// <summary>No secrets, no roles.</summary>
    public static DevVaultSeed Empty { get; } = new();

    /// <summary>"secret/myapp/stripe" -> fields; the first segment picks the mount (secret = KV v2, kv = KV v1).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Kv { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Role name -> role, served under <c>database/</c>.</summary>
    public IReadOnlyDictionary<string, DevDatabaseRole> DatabaseRoles { get; init; } =
        new Dictionary<string, DevDatabaseRole>();

    /// <summary>A fixed root token, or null.</summary>
    public string? RootToken { get; init; }

    /// <summary>Reads the top-level <c>dev:</c> section of a SecureLaunch spec; an absent section gives <see cref="Empty"/>.</summary>
    /// <exception cref="DevVaultSeedException">The YAML or the section has the wrong shape.</exception>
    public static DevVaultSeed FromYaml(string yaml, string sourceName) => Seeding.SeedReader.Read(yaml, sourceName);

    /// <summary>Reads the <c>dev:</c> section of a spec file.</summary>
    /// <exception cref="DevVaultSeedException">The YAML or the section has the wrong shape.</exception>
    public static DevVaultSeed FromYamlFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromYaml(File.ReadAllText(path), path);
    }
}
