namespace SecureLaunch.Core.Rotation;

/// <summary>
/// At most <see cref="Limit"/> disruptive actions (signals, restarts) per consumer in any <see cref="Window"/>, on a sliding
/// window of the injected clock: a secret that flaps cannot turn into a restart storm (vault#20917, envconsul#310).
/// Pure logic; not thread-safe (its owner locks).
/// </summary>
public sealed class RotationRateLimiter
{
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _actions = new(StringComparer.Ordinal);

    public RotationRateLimiter(TimeProvider timeProvider, int limit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _time = timeProvider;
        Limit = limit;
        Window = window;
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    /// <summary>Counts one action for <paramref name="target"/> when there is room.</summary>
    /// <param name="target">The consumer's name.</param>
    /// <param name="retryAt">When refused: when the oldest counted action leaves the window; else now.</param>
    public bool TryAcquire(string target, out DateTimeOffset retryAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        var now = _time.GetUtcNow();
        if (!_actions.TryGetValue(target, out var recent))
        {
            recent = new Queue<DateTimeOffset>();
            _actions[target] = recent;
        }

        while (recent.Count > 0 && recent.Peek() + Window <= now)
        {
            recent.Dequeue();
        }

        if (recent.Count >= Limit)
        {
            retryAt = recent.Peek() + Window;
            return false;
        }

        recent.Enqueue(now);
        retryAt = now;
        return true;
    }
}
