using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Leases;

/// <summary>
/// Keeps a launch's leases alive: one loop per secret in a <see cref="LeaseLedger"/> (and per secret recorded there
/// later) renews through <see cref="IVaultClient"/> on <see cref="RenewalSchedule"/>'s timetable, rides out outages
/// on the current credentials until their real expiry, and asks the caller for a new credential when a lease cannot
/// be kept (max TTL reached, not renewable, revoked, expired), within a <see cref="MintBudget"/>.
/// </summary>
/// <remarks>
/// <para>
/// The re-fetch itself is the caller's: a delegate that reads the secret again (and rotates it into its consumers)
/// and returns the new lease, or null when the secret has none. It is called with the secret's spec name and may
/// record the lease in the ledger itself; the supervisor records it too. It should throw only when no credential was
/// obtained: a lease it minted but failed to apply should still be returned, so it is renewed and revoked.
/// </para>
/// <para>
/// Everything that happens is raised on <see cref="Events"/> and logged; lease ids only shortened, never a value.
/// Dispose the supervisor before revoking the ledger's leases: a loop that saw its lease revoked would re-mint it.
/// </para>
/// </remarks>
public sealed partial class LeaseSupervisor : IAsyncDisposable
{
    private readonly IVaultClient _vault;
    private readonly LeaseLedger _ledger;
    private readonly Func<string, CancellationToken, Task<VaultLease?>> _refetch;
    private readonly LeaseSupervisorOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<double> _jitter;
    private readonly Channel<LeaseEvent> _events;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _sync = new();
    private readonly Dictionary<string, SecretLoop> _loops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KvLoop> _kvLoops = new(StringComparer.Ordinal);
    private readonly List<Task> _tasks = [];
    private bool _started;
    private int _disposed;

    /// <param name="vault">Renewals go through it; after a re-authentication it must carry the new token.</param>
    /// <param name="ledger">The launch's leases; the supervisor follows what is recorded there and records what it gets.</param>
    /// <param name="refetch">Reads a secret again by spec name (and rotates it); returns its new lease, or null when it has none.</param>
    /// <param name="options">Timing, budget and jitter; null for the defaults.</param>
    /// <param name="logger">Where the loop logs; null for none.</param>
    public LeaseSupervisor(
        IVaultClient vault,
        LeaseLedger ledger,
        Func<string, CancellationToken, Task<VaultLease?>> refetch,
        LeaseSupervisorOptions? options = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(refetch);
        _vault = vault;
        _ledger = ledger;
        _refetch = refetch;
        _options = options ?? new LeaseSupervisorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.EventCapacity, 1, nameof(options));
        _logger = logger ?? NullLogger.Instance;
        _time = _options.TimeProvider;
        _jitter = _options.Jitter ?? Random.Shared.NextDouble;
        Budget = new MintBudget(_time, _options.MintLimit, _options.MintWindow);
        _events = Channel.CreateBounded<LeaseEvent>(new BoundedChannelOptions(_options.EventCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    /// <summary>Every event, in the order raised per secret; completed on disposal.</summary>
    public ChannelReader<LeaseEvent> Events => _events.Reader;

    /// <summary>The mint budget re-fetches draw from.</summary>
    public MintBudget Budget { get; }

    /// <summary>Starts a loop for every secret in the ledger (its newest lease) and follows what is recorded later. Idempotent.</summary>
    /// <exception cref="ObjectDisposedException">The supervisor was disposed.</exception>
    public void Start()
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            if (_started)
            {
                return;
            }

            _started = true;
        }

        // Subscribe first: a lease recorded between the snapshot and the subscription would otherwise be missed.
        _ledger.Recorded += OnRecorded;
        _ledger.Forgotten += OnForgotten;
        foreach (var group in _ledger.Snapshot().GroupBy(e => e.Secret, StringComparer.Ordinal))
        {
            Track(group.Key, group.MaxBy(e => e.Lease.ObtainedAt).Lease);
        }

        lock (_sync)
        {
            foreach (var kv in _kvLoops.Values)
            {
                Launch(kv.RunAsync);
            }
        }
    }

    /// <summary>Re-reads a secret that has no lease (KV) through the re-fetch delegate every <paramref name="interval"/>.</summary>
    /// <param name="secretName">The spec name of the secret.</param>
    /// <param name="interval">Null: <see cref="LeaseSupervisorOptions.KvInterval"/> (default 5 minutes).</param>
    public void WatchKv(string secretName, TimeSpan? interval = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretName);
        var every = interval ?? _options.KvInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(every, TimeSpan.Zero, nameof(interval));
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            if (_kvLoops.ContainsKey(secretName))
            {
                return;
            }

            var loop = new KvLoop(this, secretName, every);
            _kvLoops[secretName] = loop;
            if (_started)
            {
                Launch(loop.RunAsync);
            }
        }
    }

    /// <summary>
    /// The seam for token re-authentication: the token every lease followed now was issued under dies at
    /// <paramref name="oldTokenExpiresAt"/> (Vault revokes a token's leases with it). Those leases are kept and renewed
    /// until then and re-fetched, under the new token, a grace period before it; leases fetched afterwards are not capped.
    /// </summary>
    public void TokenReplaced(DateTimeOffset oldTokenExpiresAt)
    {
        foreach (var loop in Loops())
        {
            loop.CapAtTokenDeadline(oldTokenExpiresAt);
        }
    }

    /// <summary>Every secret followed, for <c>status</c>.</summary>
    public IReadOnlyList<LeaseView> Snapshot()
    {
        List<LeaseView> views = [.. Loops().Select(l => l.View())];
        lock (_sync)
        {
            views.AddRange(_kvLoops.Values.Select(k => k.View()));
        }

        return views;
    }

    /// <summary>Stops every loop and waits for them (bounded by <see cref="LeaseSupervisorOptions.StopTimeout"/>). Revokes nothing. Idempotent; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_sync)
        {
            if (_disposed != 0)
            {
                return;
            }

            _disposed = 1;
        }

        _ledger.Recorded -= OnRecorded;
        _ledger.Forgotten -= OnForgotten;
        Task[] tasks;
        lock (_sync)
        {
            tasks = [.. _tasks];
        }

        var stopped = true;
        try
        {
            await _stop.CancelAsync();
            await Task.WhenAll(tasks).WaitAsync(_options.StopTimeout, _time);
        }
        catch (TimeoutException)
        {
            stopped = false;
            Log.LeaseLoopsStillRunning(_logger, tasks.Count(t => !t.IsCompleted), _options.StopTimeout);
        }
        catch (Exception ex) when (ex is AggregateException or ObjectDisposedException or OperationCanceledException)
        {
            // The loops catch their own failures; nothing here is worth failing a shutdown for.
        }

        _events.Writer.TryComplete();
        if (stopped)
        {
            _stop.Dispose();
        }

        Log.LeaseSupervisorStopped(_logger, tasks.Length);
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private void OnRecorded(string secret, VaultLease lease) => Track(secret, lease);

    private void OnForgotten(string leaseId)
    {
        foreach (var loop in Loops())
        {
            loop.Forgotten(leaseId);
        }
    }

    private void Track(string secret, VaultLease lease)
    {
        SecretLoop? existing;
        lock (_sync)
        {
            if (_disposed != 0)
            {
                return;
            }

            if (!_loops.TryGetValue(secret, out existing) || existing.HasEnded)
            {
                var loop = new SecretLoop(this, secret, lease);
                _loops[secret] = loop;
                Launch(loop.RunAsync);
                return;
            }
        }

        existing.Offer(lease);
    }

    private SecretLoop[] Loops()
    {
        lock (_sync)
        {
            return [.. _loops.Values];
        }
    }

    /// <summary>Starts a loop on the thread pool (never inline on a ledger caller's thread). Callers hold <see cref="_sync"/>.</summary>
    private void Launch(Func<CancellationToken, Task> run)
    {
        var token = _stop.Token;
        _tasks.RemoveAll(t => t.IsCompleted);
        _tasks.Add(Task.Run(() => run(token), CancellationToken.None));
    }

    private void Publish(LeaseEvent leaseEvent) => _events.Writer.TryWrite(leaseEvent);

    private static ShortLeaseId Short(string leaseId) => new(leaseId);

    /// <summary>
    /// Waits for <paramref name="delay"/> or until <paramref name="wake"/> fires, always resuming on the thread pool.
    /// <paramref name="armed"/> runs once the timer exists, so whoever sees its event may advance a fake clock safely.
    /// </summary>
    private async Task WaitAsync(TimeSpan delay, Action armed, CancellationToken wake, CancellationToken stop)
    {
        var wait = Task.Delay(delay, _time, wake);
        armed();
        await wait.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        stop.ThrowIfCancellationRequested();
    }
}
