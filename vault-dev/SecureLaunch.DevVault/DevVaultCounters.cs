namespace SecureLaunch.DevVault;

/// <summary>
/// What the dev Vault has done since it started (or since <see cref="DevVaultServer.ResetCounters"/>), per kind, for
/// tests that check how often a client logs in, renews or revokes. Kinds with no event yet are absent.
/// </summary>
/// <remarks>
/// Revocations count every token and lease revoked by a request and the cascades that follow (children of a revoked
/// token, its leases, a token's last use); expiry is not a revocation here, and response-wrapping tokens, spent on
/// unwrap, are not counted.
/// </remarks>
public sealed record DevVaultCounters
{
    /// <summary>No event yet.</summary>
    public static DevVaultCounters Empty { get; } = new();

    /// <summary>Successful logins by auth method type: <c>approle</c>, <c>userpass</c>, <c>jwt</c>, <c>kubernetes</c>.</summary>
    public IReadOnlyDictionary<string, long> Logins { get; init; } = new Dictionary<string, long>();

    /// <summary>Successful renewals: <c>lease</c> (<c>sys/leases/renew</c>) and <c>token</c> (<c>auth/token/renew[-self]</c>).</summary>
    public IReadOnlyDictionary<string, long> Renewals { get; init; } = new Dictionary<string, long>();

    /// <summary>Revocations: <c>lease</c> and <c>token</c>.</summary>
    public IReadOnlyDictionary<string, long> Revocations { get; init; } = new Dictionary<string, long>();

    /// <summary>Credentials handed out by secrets engines: <c>database</c>, <c>database-static</c>, <c>pki</c>.</summary>
    public IReadOnlyDictionary<string, long> CredentialsIssued { get; init; } = new Dictionary<string, long>();

    /// <summary>One kind's count in one of the maps above, 0 when absent.</summary>
    public static long Of(IReadOnlyDictionary<string, long> counts, string kind)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.GetValueOrDefault(kind);
    }
}
