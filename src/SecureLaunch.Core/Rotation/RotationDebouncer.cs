namespace SecureLaunch.Core.Rotation;

/// <summary>
/// Gathers secret changes per consumer until they settle: a consumer's action is due once no change has arrived for
/// <see cref="Quiet"/> (the spec's <c>debounce:</c>, default 2 s), and at the latest <see cref="MaxWait"/> after its first
/// change (four times the quiet period, consul-template's <c>wait</c> rule), so a secret that keeps changing still lands.
/// Pure logic on the injected clock; not thread-safe (its owner locks).
/// </summary>
public sealed class RotationDebouncer
{
    private readonly TimeProvider _time;
    private readonly Dictionary<string, PendingRotation> _pending = new(StringComparer.Ordinal);

    public RotationDebouncer(TimeProvider timeProvider, TimeSpan quiet)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(quiet, TimeSpan.Zero);
        _time = timeProvider;
        Quiet = quiet;
        MaxWait = quiet * 4;
    }

    public TimeSpan Quiet { get; }

    public TimeSpan MaxWait { get; }

    /// <summary>Consumers with changes not yet due.</summary>
    public int Count => _pending.Count;

    /// <summary>Records that <paramref name="secret"/> changed and asks <paramref name="action"/> of <paramref name="target"/>; returns when the target's action is now due.</summary>
    public DateTimeOffset Add(string target, string secret, ConsumerAction action)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(action);
        var now = _time.GetUtcNow();
        var pending = _pending.TryGetValue(target, out var existing)
            ? existing.With(secret, action, now)
            : new PendingRotation(target, action, [secret], now, now);
        _pending[target] = pending;
        return DueAt(pending);
    }

    /// <summary>What is pending for <paramref name="target"/>, or null.</summary>
    public PendingRotation? Pending(string target) => _pending.GetValueOrDefault(target);

    /// <summary>When the earliest pending action is due; null when none is pending.</summary>
    public DateTimeOffset? NextDueAt => _pending.Count == 0 ? null : _pending.Values.Min(DueAt);

    /// <summary>Removes and returns every pending action that is due now, earliest first.</summary>
    public IReadOnlyList<PendingRotation> TakeDue()
    {
        var now = _time.GetUtcNow();
        var due = _pending.Values.Where(p => DueAt(p) <= now).OrderBy(DueAt).ToList();
        foreach (var pending in due)
        {
            _pending.Remove(pending.Target);
        }

        return due;
    }

    /// <summary>When <paramref name="pending"/> is due: quiet after its last change, capped at the maximum wait after its first.</summary>
    public DateTimeOffset DueAt(PendingRotation pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var settled = pending.LastChangeAt + Quiet;
        var capped = pending.FirstChangeAt + MaxWait;
        return settled < capped ? settled : capped;
    }
}
