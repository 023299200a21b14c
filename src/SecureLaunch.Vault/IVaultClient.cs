using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Sys;

namespace SecureLaunch.Vault;

/// <summary>
/// The typed Vault HTTP client Core talks to. One instance per Vault address and token.
/// Failures surface as <see cref="VaultException"/> subtypes; secret values never appear in them.
/// </summary>
public interface IVaultClient : IDisposable
{
    /// <summary>The Vault address requests go to.</summary>
    Uri Address { get; }

    /// <summary><c>GET /v1/sys/health</c>: initialised, sealed and standby state, read from any of its documented status codes.</summary>
    Task<VaultHealth> GetHealthAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /v1/auth/token/lookup-self</c>: the current token's accessor, policies, TTL and renewability.</summary>
    Task<VaultTokenInfo> LookupSelfAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads one secret. For a path on a KV mount the version is detected from
    /// <c>sys/internal/ui/mounts/&lt;path&gt;</c> and the KV v2 <c>data/</c> prefix added; any other path
    /// is read as a logical path with the request's method and body (dynamic secrets come back with their lease).
    /// </summary>
    Task<VaultSecret> ReadSecretAsync(SecretRequest request, CancellationToken cancellationToken);

    /// <summary><c>PUT /v1/sys/leases/renew</c>; returns the lease as Vault granted it.</summary>
    Task<VaultLease> RenewLeaseAsync(string leaseId, TimeSpan? increment, CancellationToken cancellationToken);

    /// <summary><c>PUT /v1/sys/leases/revoke</c>. Revoking a lease Vault no longer knows is not an error.</summary>
    Task RevokeLeaseAsync(string leaseId, CancellationToken cancellationToken);
}
