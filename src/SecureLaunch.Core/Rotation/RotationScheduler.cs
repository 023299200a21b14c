using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Rotation.Events;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Rotation;

/// <summary>
/// Turns secret changes into actions on their consumers: each change asks something of every <see cref="IRotationTarget"/>
/// using the secret; a target's requests are merged (the strongest wins) and debounced (<see cref="RotationDebouncer"/>),
/// signals and restarts are rate-limited per target (<see cref="RotationRateLimiter"/>), and at most one action runs per
/// target at a time. Everything is raised on <see cref="Events"/> and logged; time comes from the injected clock.
/// </summary>
public sealed partial class RotationScheduler : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, IRotationTarget> _targets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RotationDebouncer _debouncer;
    private readonly RotationRateLimiter _limiter;
    private readonly Channel<RotationEvent> _events;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly Dictionary<string, Ready> _ready = new(StringComparer.Ordinal);
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private readonly List<Task> _running = [];
    private CancellationTokenSource? _wake;
    private Task _loop = Task.CompletedTask;
    private bool _started;
    private bool _disposed;

    /// <param name="targets">The launch's consumers; names must be unique.</param>
    /// <param name="settings">Debounce and rate limit (the spec's <c>rotation:</c>).</param>
    /// <param name="timeProvider">Every wait and timestamp.</param>
    /// <param name="logger">Null for none.</param>
    public RotationScheduler(IEnumerable<IRotationTarget> targets, RotationSettings settings, TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        foreach (var target in targets)
        {
            _targets.Add(target.Name, target);
        }

        _time = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        _debouncer = new RotationDebouncer(timeProvider, settings.Debounce);
        _limiter = new RotationRateLimiter(timeProvider, settings.RateLimit.Count, settings.RateLimit.Window);
        _events = Channel.CreateBounded<RotationEvent>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });
    }

    /// <summary>Every event, in the order raised; completed on disposal.</summary>
    public ChannelReader<RotationEvent> Events => _events.Reader;

    /// <summary>Starts acting on changes (changes reported before are kept and acted on once started). Idempotent.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                return;
            }

            _started = true;
            var stop = _stop.Token;
            _loop = Task.Run(() => RunAsync(stop), CancellationToken.None);
        }
    }

    /// <summary>
    /// <paramref name="secret"/>'s content changed (the secret set and the mask already hold the new values): plans the
    /// action it asks of every target using it. Returns the targets that will act (those with <c>none</c> left out).
    /// </summary>
    public IReadOnlyList<string> SecretChanged(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var now = _time.GetUtcNow();
        var acting = new List<string>();
        foreach (var target in _targets.Values)
        {
            if (!target.Uses.TryGetValue(secret, out var action))
            {
                continue;
            }

            if (action.Kind == RotationKind.None)
            {
                Log.RotationNotWanted(_logger, secret, target.Name);
                continue;
            }

            acting.Add(target.Name);
        }

        Publish(new SecretChanged(secret, now, acting));
        Log.SecretContentChanged(_logger, secret, acting.Count == 0 ? "no consumer" : string.Join(", ", acting));
        foreach (var name in acting)
        {
            DateTimeOffset due;
            PendingRotation pending;
            lock (_gate)
            {
                if (_disposed)
                {
                    return acting;
                }

                due = _debouncer.Add(name, secret, _targets[name].Uses[secret]);
                pending = _debouncer.Pending(name)!;
            }

            Publish(new RotationScheduled(name, now, pending.Action, due, pending.Secrets));
            Log.RotationScheduled(_logger, name, pending.Action, due, string.Join(", ", pending.Secrets));
        }

        Wake();
        return acting;
    }

    /// <summary>Raises an event (for the rotator's own: unchanged content).</summary>
    internal void Publish(RotationEvent rotationEvent) => _events.Writer.TryWrite(rotationEvent);

    /// <summary>Stops planning, cancels the actions in flight and waits for them (bounded). Idempotent; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] tasks;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            tasks = [_loop, .. _running];
        }

        var stopped = true;
        try
        {
            await _stop.CancelAsync();
            await Task.WhenAll(tasks).WaitAsync(StopTimeout, _time);
        }
        catch (TimeoutException)
        {
            stopped = false;
            Log.RotationActionsStillRunning(_logger, tasks.Count(t => !t.IsCompleted), StopTimeout);
        }
        catch (Exception ex) when (ex is AggregateException or ObjectDisposedException or OperationCanceledException)
        {
            // The loop and the actions catch their own failures.
        }

        _events.Writer.TryComplete();
        if (stopped)
        {
            _stop.Dispose();
        }
    }

    private void Wake()
    {
        CancellationTokenSource? wake;
        lock (_gate)
        {
            wake = _wake;
        }

        try
        {
            wake?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The loop already moved on to its next wait.
        }
    }

    /// <summary>An action out of the debounce, waiting for its target to be free or for the rate limit.</summary>
    private sealed class Ready(PendingRotation pending)
    {
        public PendingRotation Pending { get; set; } = pending;

        public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.MinValue;

        public bool DeferralReported { get; set; }
    }
}
