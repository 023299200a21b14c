namespace SecureLaunch.Vault;

/// <summary>
/// How to reach Vault. The token is resolved by the caller (spec, VAULT_TOKEN, ~/.vault-token), or left out to
/// log in first (<see cref="IVaultClient.LoginAsync"/>). <see cref="ToString"/> never prints the token.
/// </summary>
public sealed record VaultClientOptions
{
    public required Uri Address { get; init; }

    /// <summary>
    /// The Vault token sent as <c>X-Vault-Token</c>; null or empty sends none (seal status, unseal, init and logins
    /// need none). Replaced by a login or <see cref="IVaultClient.SetToken"/>. Never logged; only its accessor is.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>Vault Enterprise namespace, sent as <c>X-Vault-Namespace</c> when not empty.</summary>
    public string? Namespace { get; init; }

    /// <summary>CA, verification and client certificate for an <c>https</c> address.</summary>
    public VaultTlsOptions Tls { get; init; } = new();

    /// <summary>Timeout of one HTTP attempt (10 ms to 24 h).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Attempts for one call when the failure is transient (connection refused, 5xx other than sealed, 429);
    /// 1 turns retries off. Which failures count as transient depends on the request: see <see cref="VaultClient"/>.
    /// </summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Median delay before the first retry; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap on one delay between retries, also on a server's <c>Retry-After</c>.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When to stop sending to a Vault that keeps failing (no connection, timeouts, 500/503/504), so a dead Vault
    /// is not hammered by every concurrent fetch and renewal; null turns the breaker off.
    /// </summary>
    public VaultCircuitBreakerOptions? CircuitBreaker { get; init; } = new();

    /// <summary>Source of jitter, values in [0, 1); null uses a thread-safe random. Tests pin it.</summary>
    public Func<double>? Randomizer { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Address, namespace and whether a token is set; never the token itself.</summary>
    public override string ToString() =>
        $"VaultClientOptions {{ Address = {Address?.Scheme}://{Address?.Authority}, Namespace = {Namespace}, " +
        $"Token = {(string.IsNullOrEmpty(Token) ? "none" : "set")}, Tls = {Tls}, MaxAttempts = {MaxAttempts} }}";
}
