using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Leases.Events;

namespace SecureLaunch.Core.Leases;

/// <summary>
/// Keeps the launch's Vault token alive: renews it at half its TTL, and once renewals stop extending it (its max
/// TTL) logs in again a grace period before it expires. Renewing and logging in are the caller's delegates, so this
/// works with any auth method. Failures back off like lease renewals (10 s doubling to 5 min, never past expiry).
/// </summary>
/// <remarks>
/// A token's leases die with it (Vault revokes them when it expires or is revoked). On re-authentication the old token
/// is NOT revoked: it stays valid until its own expiry, and <c>tokenReplaced</c> (wire it to
/// <see cref="LeaseSupervisor.TokenReplaced"/>) passes that moment on, so leases issued under it are kept and renewed
/// until a grace before it, then re-fetched under the new token. Nothing valid is re-issued because of a login.
/// </remarks>
public sealed class TokenKeeper : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<TokenLifetime>> _renew;
    private readonly Func<CancellationToken, Task<TokenLifetime>> _reauthenticate;
    private readonly Action<DateTimeOffset>? _tokenReplaced;
    private readonly TokenKeeperOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<double> _jitter;
    private readonly Channel<TokenEvent> _events;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private TokenLifetime _current;
    private TimeSpan _grace;
    private int _renewFailures;
    private int _loginFailures;
    private bool _mustLogIn;
    private Task _loop = Task.CompletedTask;
    private bool _started;
    private bool _disposed;

    /// <param name="initial">The token's lease now (from lookup-self or the login).</param>
    /// <param name="renew">Renews the current token (renew-self) and returns what Vault granted.</param>
    /// <param name="reauthenticate">Logs in again, puts the new token in use by the Vault client, returns its lifetime; must not revoke the old token.</param>
    /// <param name="tokenReplaced">Told when the replaced token dies: <see cref="LeaseSupervisor.TokenReplaced"/>.</param>
    /// <param name="options">Clock and jitter; null for the defaults.</param>
    /// <param name="logger">Null for none.</param>
    public TokenKeeper(
        TokenLifetime initial,
        Func<CancellationToken, Task<TokenLifetime>> renew,
        Func<CancellationToken, Task<TokenLifetime>> reauthenticate,
        Action<DateTimeOffset>? tokenReplaced = null,
        TokenKeeperOptions? options = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(renew);
        ArgumentNullException.ThrowIfNull(reauthenticate);
        _renew = renew;
        _reauthenticate = reauthenticate;
        _tokenReplaced = tokenReplaced;
        _options = options ?? new TokenKeeperOptions();
        _logger = logger ?? NullLogger.Instance;
        _time = _options.TimeProvider;
        _jitter = _options.Jitter ?? Random.Shared.NextDouble;
        _events = Channel.CreateBounded<TokenEvent>(new BoundedChannelOptions(_options.EventCapacity) { FullMode = BoundedChannelFullMode.DropOldest });
        _current = initial;
        _grace = RenewalSchedule.Grace(initial.Ttl, _jitter());
    }

    /// <summary>The token's lifetime as last reported.</summary>
    public TokenLifetime Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Every event; completed on disposal.</summary>
    public ChannelReader<TokenEvent> Events => _events.Reader;

    /// <summary>Starts the loop; does nothing for a token that never expires. Idempotent.</summary>
    /// <exception cref="ObjectDisposedException">The keeper was disposed.</exception>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started || _current.ExpiresAt is null)
            {
                return;
            }

            _started = true;
            var stop = _stop.Token;
            _loop = Task.Run(() => RunAsync(stop), CancellationToken.None);
        }
    }

    /// <summary>Stops the loop (bounded by <see cref="TokenKeeperOptions.StopTimeout"/>). Revokes nothing. Idempotent; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        var stopped = true;
        try
        {
            await _stop.CancelAsync();
            await _loop.WaitAsync(_options.StopTimeout, _time);
        }
        catch (TimeoutException)
        {
            stopped = false;
            Log.LeaseLoopsStillRunning(_logger, 1, _options.StopTimeout);
        }
        catch (Exception ex) when (ex is AggregateException or ObjectDisposedException or OperationCanceledException)
        {
            // The loop catches its own failures.
        }

        _events.Writer.TryComplete();
        if (stopped)
        {
            _stop.Dispose();
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                RenewalDecision? planned;
                lock (_gate)
                {
                    planned = Plan(now);
                }

                if (planned is not { } decision)
                {
                    return;
                }

                if (decision.Delay > TimeSpan.Zero)
                {
                    var due = now + decision.Delay;
                    var wait = Task.Delay(decision.Delay, _time, stop);
                    _events.Writer.TryWrite(new TokenScheduled(now, decision.Action, due));
                    Log.TokenActionScheduled(_logger, decision.Action, due);
                    await wait.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
                    stop.ThrowIfCancellationRequested();
                }

                await (decision.Action == RenewalAction.Renew ? RenewAsync(stop) : LogInAsync(stop));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposal.
        }
        catch (Exception ex)
        {
            Log.TokenLoopFailed(_logger, ex.GetType().Name, ex.Message);
        }
    }

    /// <summary>The next step; null once the token never expires. Callers hold <see cref="_gate"/>.</summary>
    private RenewalDecision? Plan(DateTimeOffset now)
    {
        if (_current.ExpiresAt is not { } expiresAt)
        {
            return null;
        }

        if (_mustLogIn || _loginFailures > 0)
        {
            var wait = _loginFailures == 0 ? TimeSpan.Zero : RenewalSchedule.Backoff(_loginFailures);
            return new RenewalDecision(RenewalAction.Reauthenticate, wait);
        }

        return _renewFailures > 0
            ? RenewalSchedule.ForFailedTokenRenewal(_renewFailures, expiresAt - now)
            : RenewalSchedule.ForToken(expiresAt - now, _grace, _current.Renewable);
    }

    private async Task RenewAsync(CancellationToken stop)
    {
        var at = _time.GetUtcNow();
        try
        {
            var granted = await _renew(stop);
            lock (_gate)
            {
                // As for leases: a new grace while renewals grow the token, the old one while they shrink it.
                if (granted.Ttl > _current.Ttl)
                {
                    _grace = RenewalSchedule.Grace(granted.Ttl, _jitter());
                }

                _current = granted;
                _renewFailures = 0;
            }

            _events.Writer.TryWrite(new TokenRenewed(at, granted.Ttl, granted.ExpiresAt));
            Log.TokenRenewed(_logger, granted.Ttl, granted.ExpiresAt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            var kind = LeaseFailures.Classify(ex);
            lock (_gate)
            {
                _renewFailures++;

                // Refused for good (revoked, not renewable, no permission): only a new login helps.
                _mustLogIn |= kind is LeaseFailureKind.PermissionDenied or LeaseFailureKind.Rejected or LeaseFailureKind.LeaseInvalid;
            }

            Failed(RenewalAction.Renew, kind, ex);
        }
    }

    private async Task LogInAsync(CancellationToken stop)
    {
        var at = _time.GetUtcNow();
        TokenLifetime old;
        lock (_gate)
        {
            old = _current;
        }

        try
        {
            var fresh = await _reauthenticate(stop);
            lock (_gate)
            {
                _current = fresh;
                _grace = RenewalSchedule.Grace(fresh.Ttl, _jitter());
                _renewFailures = 0;
                _loginFailures = 0;
                _mustLogIn = false;
            }

            // The supervisor caps the old token's leases before anyone sees the event.
            if (old.ExpiresAt is { } oldDies)
            {
                _tokenReplaced?.Invoke(oldDies);
            }

            _events.Writer.TryWrite(new TokenReauthenticated(at, fresh.Ttl, fresh.ExpiresAt, old.ExpiresAt));
            Log.TokenReauthenticated(_logger, fresh.Ttl, old.ExpiresAt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            lock (_gate)
            {
                _loginFailures++;
                _mustLogIn = true;
            }

            Failed(RenewalAction.Reauthenticate, LeaseFailures.Classify(ex), ex);
        }
    }

    private void Failed(RenewalAction action, LeaseFailureKind kind, Exception ex)
    {
        var now = _time.GetUtcNow();
        RenewalDecision? next;
        lock (_gate)
        {
            next = Plan(now);
        }

        var nextAction = next?.Action ?? action;
        var nextAt = now + (next?.Delay ?? TimeSpan.Zero);
        var message = LeaseFailures.Describe(ex);
        _events.Writer.TryWrite(new TokenRenewalFailed(now, action, kind, nextAction, nextAt, message));
        Log.TokenRenewalFailed(_logger, action, kind, nextAction, nextAt, message);
    }
}
