using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Sys;

namespace SecureLaunch.Vault;

/// <summary>
/// The typed Vault HTTP client Core talks to. One instance per Vault address; its token is set at creation, by
/// a login, or by <see cref="SetToken"/>. Failures surface as <see cref="VaultException"/> subtypes; tokens,
/// credentials and secret values never appear in them.
/// </summary>
public interface IVaultClient : IDisposable
{
    /// <summary>The Vault address requests go to.</summary>
    Uri Address { get; }

    /// <summary><c>GET /v1/sys/health</c>: initialised, sealed and standby state, read from any of its documented status codes.</summary>
    Task<VaultHealth> GetHealthAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Logs in with <paramref name="method"/> and, once Vault accepted, sends the new token with every later
    /// request. For <see cref="TokenAuth"/> nothing is minted: the token is checked with <c>lookup-self</c>.
    /// </summary>
    Task<VaultLogin> LoginAsync(VaultAuthMethod method, CancellationToken cancellationToken);

    /// <summary>Replaces the token sent with later requests; null or empty sends none. Never logged.</summary>
    void SetToken(string? token);

    /// <summary><c>GET /v1/auth/token/lookup-self</c>: the current token's accessor, policies, TTL and renewability.</summary>
    Task<VaultTokenInfo> LookupSelfAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /v1/auth/token/lookup-accessor</c>: another token's accessor, policies, TTL and renewability, found by its
    /// accessor (the token itself never comes back). Needs <c>update</c> on that path, which <c>default</c> does not grant.
    /// </summary>
    Task<VaultTokenInfo> LookupAccessorAsync(string accessor, CancellationToken cancellationToken);

    /// <summary><c>POST /v1/auth/token/renew-self</c>; returns the lease Vault granted, which may be shorter than asked.</summary>
    Task<VaultTokenRenewal> RenewSelfAsync(TimeSpan? increment, CancellationToken cancellationToken);

    /// <summary><c>POST /v1/auth/token/revoke-self</c>: for a token a login created, never for one the user gave.</summary>
    Task RevokeSelfAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /v1/auth/token/revoke-accessor</c>: revokes another token (and its leases) by accessor, for a token a
    /// crashed launch created. False when Vault no longer knows the accessor (the token expired or was revoked).
    /// </summary>
    Task<bool> RevokeAccessorAsync(string accessor, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /v1/auth/token/create/:role_name</c>: a token for someone else, bounded by the token role (allowed and
    /// disallowed policies, orphan, period). With a wrap TTL only the single-use wrapping token comes back
    /// (<see cref="VaultTokenCreation.Wrapped"/>), so the token itself never passes through this process.
    /// </summary>
    Task<VaultTokenCreation> CreateTokenAsync(VaultTokenRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Reads one secret. For a path on a KV mount the version is detected from
    /// <c>sys/internal/ui/mounts/&lt;path&gt;</c> and the KV v2 <c>data/</c> prefix added; any other path
    /// is read as a logical path with the request's method and body (dynamic secrets come back with their lease).
    /// </summary>
    Task<VaultSecret> ReadSecretAsync(SecretRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The API path <see cref="ReadSecretAsync"/> would send the request to (<c>secret/app</c> on KV v2 is
    /// <c>secret/data/app</c>): the path to ask <see cref="GetCapabilitiesSelfAsync"/> about. Sends only the mount lookup.
    /// </summary>
    Task<string> ResolveSecretPathAsync(SecretRequest request, CancellationToken cancellationToken);

    /// <summary><c>PUT /v1/sys/leases/renew</c>; returns the lease as Vault granted it.</summary>
    Task<VaultLease> RenewLeaseAsync(string leaseId, TimeSpan? increment, CancellationToken cancellationToken);

    /// <summary><c>PUT /v1/sys/leases/revoke</c>. Revoking a lease Vault no longer knows is not an error.</summary>
    Task RevokeLeaseAsync(string leaseId, CancellationToken cancellationToken);

    /// <summary><c>POST /v1/sys/capabilities-self</c>: the token's capabilities (<c>read</c>, <c>deny</c>...) on each path.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetCapabilitiesSelfAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/sys/seal-status</c>, without a token: sealed, threshold, shares, progress.</summary>
    Task<VaultSealStatus> GetSealStatusAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /v1/sys/unseal</c> with one key share, without a token; returns the progress.</summary>
    Task<VaultSealStatus> UnsealAsync(string key, CancellationToken cancellationToken);

    /// <summary><c>POST /v1/sys/unseal</c> with <c>reset</c>: discards the key shares given so far.</summary>
    Task<VaultSealStatus> ResetUnsealAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /v1/sys/init</c>, without a token.</summary>
    Task<bool> IsInitializedAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /v1/sys/init</c>, without a token: the only time Vault hands out the keys and root token.</summary>
    Task<VaultInitResult> InitializeAsync(int secretShares, int secretThreshold, CancellationToken cancellationToken);

    /// <summary><c>POST /v1/sys/seal</c>, with a root or sudo token.</summary>
    Task SealAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /v1/sys/wrapping/lookup</c>: a wrapping token's creation path and TTL, without using it up.</summary>
    Task<VaultWrappingInfo> LookupWrappingTokenAsync(string wrappingToken, CancellationToken cancellationToken);

    /// <summary><c>POST /v1/sys/wrapping/unwrap</c>: the wrapped answer; the wrapping token is used up.</summary>
    Task<VaultSecret> UnwrapAsync(string wrappingToken, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /v1/sys/wrapping/unwrap</c> of a wrapped token creation (<see cref="CreateTokenAsync"/> with a wrap TTL):
    /// the token from the <c>auth</c> block; the wrapping token is used up.
    /// </summary>
    Task<VaultIssuedToken> UnwrapTokenAsync(string wrappingToken, CancellationToken cancellationToken);
}
