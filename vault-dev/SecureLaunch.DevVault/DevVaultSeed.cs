namespace SecureLaunch.DevVault;

/// <summary>What the dev Vault holds when it starts: KV secrets, database roles, policies, auth methods' roles and users, and an optional root token.</summary>
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

    /// <summary>ACL policy name -> policy text (HCL or JSON), written as <c>sys/policies/acl/:name</c> would.</summary>
    public IReadOnlyDictionary<string, string> Policies { get; init; } = new Dictionary<string, string>();

    /// <summary>AppRole name -> role, served under <c>auth/approle/</c>.</summary>
    public IReadOnlyDictionary<string, DevAppRole> AppRoles { get; init; } = new Dictionary<string, DevAppRole>();

    /// <summary>Username -> user, served under <c>auth/userpass/</c>.</summary>
    public IReadOnlyDictionary<string, DevUserpassUser> UserpassUsers { get; init; } = new Dictionary<string, DevUserpassUser>();

    /// <summary>The JWT method's config and roles at <c>auth/jwt/</c>, or null to leave it unconfigured.</summary>
    public DevJwtConfig? Jwt { get; init; }

    /// <summary>The Kubernetes method at <c>auth/kubernetes/</c>, or null to leave it unconfigured.</summary>
    public DevKubernetesAuth? Kubernetes { get; init; }

    /// <summary>PKI role name -> role, served under <c>pki/</c> by a dev CA made at start.</summary>
    public IReadOnlyDictionary<string, DevPkiRole> PkiRoles { get; init; } = new Dictionary<string, DevPkiRole>();

    /// <summary>A fixed root token, or null.</summary>
    public string? RootToken { get; init; }

    /// <summary>
    /// Requests applied through the HTTP API after the rest of the seed (<c>dev.bootstrap: path</c>, relative to the
    /// spec), e.g. <c>vault-dev/bootstrap/examples.txt</c>, the file <c>vault-dev/bootstrap.sh</c> applies to a real Vault.
    /// </summary>
    public DevVaultBootstrap? Bootstrap { get; init; }

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

    /// <summary>Counts only: a seed holds secrets and tokens that must not reach a log.</summary>
    public override string ToString() =>
        $"DevVaultSeed {{ Kv = {Kv.Count}, DatabaseRoles = {DatabaseRoles.Count}, PkiRoles = {PkiRoles.Count}, Policies = {Policies.Count}, "
        + $"AppRoles = {AppRoles.Count}, UserpassUsers = {UserpassUsers.Count}, Jwt = {Jwt is not null}, Kubernetes = {Kubernetes is not null}, Bootstrap = {Bootstrap?.Requests.Count ?? 0} requests, RootToken = {(RootToken is null ? "none" : "set")} }}";
}
