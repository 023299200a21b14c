using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Sys;

namespace SecureLaunch.Vault;

/// <summary>The Vault HTTP client: one instance per Vault address and token, safe to share across threads.</summary>
/// <remarks>
/// <para>
/// Every request goes to <c>/v1/</c> with <c>X-Vault-Token</c>, <c>X-Vault-Request: true</c> and, when set,
/// <c>X-Vault-Namespace</c>. One Polly pipeline retries single attempts, each bounded by
/// <see cref="VaultClientOptions.RequestTimeout"/>, with exponential backoff and jitter, up to
/// <see cref="VaultClientOptions.MaxAttempts"/>. HttpClient has no retry and no timeout of its own, and does not
/// follow redirects (a redirect would carry the token to wherever <c>Location</c> points).
/// </para>
/// <para>
/// Retry rule. Retried for every request: a failure before anything was sent (connection refused, name not
/// resolved), 412 and 429 (refused before being handled). Retried only for requests that cannot mint anything
/// (KV reads, health, lookups, lease renew/revoke): attempt timeouts, a connection lost mid-request, 500, 502, 504,
/// and a 503 that is neither sealed nor standby. A logical read such as <c>database/creds/app</c> or
/// <c>pki/issue/web</c> may have minted a credential once sent, so it is never sent twice. Never retried: other 4xx,
/// redirects, 503 sealed or standby, TLS handshake failures, cancellation.
/// </para>
/// </remarks>
public sealed class VaultClient : IVaultClient
{
    private readonly VaultTransport _transport;
    private readonly HealthEndpoint _health;
    private readonly TokenEndpoint _token;
    private readonly SecretReader _secrets;
    private readonly LeasesEndpoint _leases;
    private int _disposed;

    /// <summary>A client with its own connection pool; redirects are not followed.</summary>
    public VaultClient(VaultClientOptions options, ILogger? logger = null)
        : this(Validate(options), CreateHandler(), ownsHandler: true, logger)
    {
    }

    /// <summary>A client over a caller's handler (tests, custom TLS); the handler is not disposed with the client.</summary>
    public VaultClient(VaultClientOptions options, HttpMessageHandler handler, ILogger? logger = null)
        : this(Validate(options), handler, ownsHandler: false, logger)
    {
    }

    private VaultClient(VaultClientOptions options, HttpMessageHandler handler, bool ownsHandler, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var log = logger ?? NullLogger.Instance;
        var http = new HttpClient(handler, ownsHandler)
        {
            // The pipeline owns time: a per-attempt timeout there, none here.
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = 64 * 1024 * 1024,
        };

        Address = options.Address;
        _transport = new VaultTransport(options, http, log);
        _health = new HealthEndpoint(_transport);
        _token = new TokenEndpoint(_transport);
        _leases = new LeasesEndpoint(_transport, log);
        _secrets = new SecretReader(
            new KvMountResolver(new MountsEndpoint(_transport), log), new KvEndpoint(_transport), new LogicalEndpoint(_transport), log);
    }

    /// <inheritdoc />
    public Uri Address { get; }

    /// <inheritdoc />
    /// <remarks>200, 429, 472, 473, 501 and 503 are answers, read into <see cref="VaultHealth"/>; anything else throws.</remarks>
    public Task<VaultHealth> GetHealthAsync(CancellationToken cancellationToken) => _health.GetAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>200 is read; 403 (invalid or expired token) throws <see cref="VaultErrorKind.PermissionDenied"/>.</remarks>
    public Task<VaultTokenInfo> LookupSelfAsync(CancellationToken cancellationToken) => _token.LookupSelfAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The mount lookup's 403/404 fall back to a plain logical read. The read: 200 (204 for a logical path) is read;
    /// 404, and a KV v2 version that was deleted or destroyed, throw <see cref="VaultErrorKind.NotFound"/>; 403, 400,
    /// 405, 502, 503 throw their kinds. A POST/PUT on a KV mount, a body on GET or a version off KV v2 throw
    /// <see cref="ArgumentException"/> before anything is sent.
    /// </remarks>
    public Task<VaultSecret> ReadSecretAsync(SecretRequest request, CancellationToken cancellationToken) =>
        _secrets.ReadAsync(request, cancellationToken);

    /// <inheritdoc />
    /// <remarks>200 gives the granted duration; 400 for an unknown, expired or non-renewable lease throws <see cref="VaultErrorKind.InvalidLease"/>.</remarks>
    public Task<VaultLease> RenewLeaseAsync(string leaseId, TimeSpan? increment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leaseId);
        if (increment < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(increment), "The increment cannot be negative.");
        }

        return _leases.RenewAsync(leaseId, increment, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Sent with <c>sync: true</c>. 200/202/204 succeed, and so does a 400/404 saying the lease is not found.</remarks>
    public Task RevokeLeaseAsync(string leaseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leaseId);
        return _leases.RevokeAsync(leaseId, cancellationToken);
    }

    /// <summary><c>PUT /v1/sys/leases/lookup</c>: a lease's TTL, issue and expiry times as Vault holds them.</summary>
    /// <remarks>200 is read; 400 for an unknown lease throws <see cref="VaultErrorKind.InvalidLease"/>. Not on <see cref="IVaultClient"/> yet.</remarks>
    public Task<VaultLeaseInfo> LookupLeaseAsync(string leaseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leaseId);
        return _leases.LookupAsync(leaseId, cancellationToken);
    }

    /// <summary>Closes the connection pool; idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _transport.Dispose();
        }
    }

    private static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private static VaultClientOptions Validate(VaultClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Address);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        if (!options.Address.IsAbsoluteUri || options.Address.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("The Vault address must be an absolute http or https URI.", nameof(options));
        }

        // The messages never quote the token: only say what is wrong with it.
        if (string.IsNullOrWhiteSpace(options.Token) || !IsHeaderSafe(options.Token))
        {
            throw new ArgumentException("The Vault token is empty or has characters an HTTP header cannot carry.", nameof(options));
        }

        if (options.Namespace is { } ns && !IsHeaderSafe(ns))
        {
            throw new ArgumentException("The Vault namespace has characters an HTTP header cannot carry.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RequestTimeout, TimeSpan.FromMilliseconds(10), nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.RequestTimeout, TimeSpan.FromHours(24), nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryBaseDelay, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryMaxDelay, options.RetryBaseDelay, nameof(options));
        return options;
    }

    private static bool IsHeaderSafe(string value) => value.All(c => c is >= (char)0x21 and <= (char)0x7E);
}
