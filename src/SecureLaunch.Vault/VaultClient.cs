using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Sys;

namespace SecureLaunch.Vault;

/// <summary>The Vault HTTP client: one instance per Vault address, safe to share across threads; its token can be swapped.</summary>
/// <remarks>
/// <para>
/// Every request goes to <c>/v1/</c> with <c>X-Vault-Token</c>, <c>X-Vault-Request: true</c> and, when set,
/// <c>X-Vault-Namespace</c> (logins and the unauthenticated <c>sys/</c> calls go without a token). One Polly pipeline,
/// with a circuit breaker (<see cref="VaultClientOptions.CircuitBreaker"/>), retries single attempts, each bounded by
/// <see cref="VaultClientOptions.RequestTimeout"/>, with exponential backoff and jitter, up to
/// <see cref="VaultClientOptions.MaxAttempts"/>. HttpClient has no retry and no timeout of its own, and follows no
/// redirect itself: a standby's 307/308 to the active node is followed once by the transport, with the same method,
/// body and <c>X-Vault-Token</c>, never from https to http; a second redirect is reported as
/// <see cref="VaultErrorKind.Standby"/> with <see cref="VaultApiException.RedirectLocation"/>.
/// </para>
/// <para>
/// Retry rule. Retried for every request: a failure before anything was sent (connection refused, name not
/// resolved), 412 and 429 (refused before being handled). Retried only for requests that cannot mint anything
/// (KV reads, health, lookups, lease and token renew/revoke, seal status, unseal, capabilities): attempt timeouts, a
/// connection lost mid-request, 500, 502, 504, and a 503 that is neither sealed nor standby. A logical read such as
/// <c>database/creds/app</c> or <c>pki/issue/web</c>, a login, an unwrap and <c>sys/init</c> may have minted something
/// (a credential, a token, used up a single-use wrapping token, the only copy of the unseal keys) once sent, so they
/// are never sent twice. Never retried: other 4xx, a redirect left after the one hop, 503 sealed or standby, TLS
/// handshake failures, cancellation, an open circuit.
/// </para>
/// </remarks>
public sealed partial class VaultClient : IVaultClient
{
    private readonly VaultTransport _transport;
    private readonly HealthEndpoint _health;
    private readonly TokenEndpoint _token;
    private readonly TokenCreateEndpoint _tokenCreate;
    private readonly LoginEndpoint _login;
    private readonly SecretReader _secrets;
    private readonly KvMountResolver _mounts;
    private readonly LeasesEndpoint _leases;
    private readonly SealEndpoint _seal;
    private readonly InitEndpoint _init;
    private readonly CapabilitiesEndpoint _capabilities;
    private readonly WrappingEndpoint _wrapping;
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>A client with its own connection pool and <see cref="VaultClientOptions.Tls"/> applied.</summary>
    public VaultClient(VaultClientOptions options, ILogger? logger = null)
        : this(Validate(options), CreateHandler(options, logger ?? NullLogger.Instance), ownsHandler: true, logger)
    {
    }

    /// <summary>
    /// A client over a caller's handler (tests, a custom TLS set-up); the handler is not disposed with the client.
    /// <see cref="VaultClientOptions.Tls"/> must then be left empty: it applies only to the client's own handler.
    /// </summary>
    public VaultClient(VaultClientOptions options, HttpMessageHandler handler, ILogger? logger = null)
        : this(ValidateWithHandler(options), handler, ownsHandler: false, logger)
    {
    }

    private VaultClient(VaultClientOptions options, HttpMessageHandler handler, bool ownsHandler, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var log = logger ?? NullLogger.Instance;
        _logger = log;
        var http = new HttpClient(handler, ownsHandler)
        {
            // The pipeline owns time: a per-attempt timeout there, none here.
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = 64 * 1024 * 1024,
        };

        Address = options.Address;
        _transport = new VaultTransport(options, http, log);
        _health = new HealthEndpoint(_transport);
        _token = new TokenEndpoint(_transport, log);
        _tokenCreate = new TokenCreateEndpoint(_transport);
        _wrapping = new WrappingEndpoint(_transport, log);
        _login = new LoginEndpoint(_transport, _token, _wrapping, log);
        _leases = new LeasesEndpoint(_transport, log);
        _mounts = new KvMountResolver(new MountsEndpoint(_transport), log);
        _secrets = new SecretReader(_mounts, new KvEndpoint(_transport), new LogicalEndpoint(_transport), log);
        _seal = new SealEndpoint(_transport);
        _init = new InitEndpoint(_transport);
        _capabilities = new CapabilitiesEndpoint(_transport);
    }

    /// <inheritdoc />
    public Uri Address { get; }

    /// <inheritdoc />
    /// <remarks>200, 429, 472, 473, 501 and 503 are answers, read into <see cref="VaultHealth"/>; anything else throws.</remarks>
    public Task<VaultHealth> GetHealthAsync(CancellationToken cancellationToken) => _health.GetAsync(cancellationToken);

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
    /// <remarks>The mount lookup's 403/404 leave the path as given (it is then read as a logical path).</remarks>
    public Task<string> ResolveSecretPathAsync(SecretRequest request, CancellationToken cancellationToken) =>
        _secrets.ResolvePathAsync(request, cancellationToken);

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

    private static SocketsHttpHandler CreateHandler(VaultClientOptions options, ILogger logger)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        try
        {
            VaultTls.Configure(handler, options, logger);
            return handler;
        }
        catch
        {
            handler.Dispose();
            throw;
        }
    }

    private static VaultClientOptions ValidateWithHandler(VaultClientOptions options)
    {
        Validate(options);
        if (options.Tls.IsCustomized)
        {
            throw new ArgumentException("TLS options apply only to the client's own handler; configure the handler given instead.", nameof(options));
        }

        return options;
    }

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
        if (!string.IsNullOrEmpty(options.Token) && !HeaderValue.IsSafe(options.Token))
        {
            throw new ArgumentException("The Vault token has characters an HTTP header cannot carry.", nameof(options));
        }

        if (!string.IsNullOrWhiteSpace(options.Namespace) && !HeaderValue.IsSafe(options.Namespace.Trim()))
        {
            throw new ArgumentException("The Vault namespace has characters an HTTP header cannot carry.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RequestTimeout, TimeSpan.FromMilliseconds(10), nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.RequestTimeout, TimeSpan.FromHours(24), nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryBaseDelay, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryMaxDelay, options.RetryBaseDelay, nameof(options));
        ArgumentNullException.ThrowIfNull(options.Tls);
        if (options.CircuitBreaker is { } breaker)
        {
            // Polly's own bounds, checked here so the message names the option.
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(breaker.FailureRatio, 0, nameof(options));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(breaker.FailureRatio, 1, nameof(options));
            ArgumentOutOfRangeException.ThrowIfLessThan(breaker.MinimumThroughput, 2, nameof(options));
            ArgumentOutOfRangeException.ThrowIfLessThan(breaker.SamplingDuration, TimeSpan.FromMilliseconds(500), nameof(options));
            ArgumentOutOfRangeException.ThrowIfLessThan(breaker.BreakDuration, TimeSpan.FromMilliseconds(500), nameof(options));
        }

        return options;
    }
}
