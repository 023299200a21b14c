namespace SecureLaunch.Core.Leases;

/// <summary>
/// Caps how many new credentials the renewal loop may mint per secret: at most <see cref="Limit"/> in any
/// <see cref="Window"/> (default: one per minute), on a sliding window of the injected clock. A loop whose re-fetches
/// keep failing is turned into a clear error instead of a credential storm (consul-template#2165). Thread-safe.
/// </summary>
/// <remarks>
/// The first fetch at launch is not counted: the budget limits re-minting, which is what storms. A lease shorter
/// than the window that is not renewable (or whose role's max TTL is shorter than the window) needs a larger budget.
/// </remarks>
public sealed class MintBudget
{
    /// <summary>One credential per secret per minute.</summary>
    public const int DefaultLimit = 1;

    /// <summary>The window of <see cref="DefaultLimit"/>.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _mints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Limit, TimeSpan Window)> _rates = new(StringComparer.Ordinal);

    public MintBudget(TimeProvider timeProvider, int limit = DefaultLimit, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var span = window ?? DefaultWindow;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(span, TimeSpan.Zero, nameof(window));
        _time = timeProvider;
        Limit = limit;
        Window = span;
    }

    /// <summary>The default limit, for secrets without their own (<see cref="SetRate"/>).</summary>
    public int Limit { get; }

    /// <summary>The default window, for secrets without their own.</summary>
    public TimeSpan Window { get; }

    /// <summary>Gives <paramref name="secretName"/> its own limit and window (the spec's <c>mintBudget:</c>).</summary>
    public void SetRate(string secretName, int limit, TimeSpan window)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretName);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        lock (_mints)
        {
            _rates[secretName] = (limit, window);
        }
    }

    /// <summary>The limit and window that apply to <paramref name="secretName"/>.</summary>
    public (int Limit, TimeSpan Window) RateOf(string secretName)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretName);
        lock (_mints)
        {
            return _rates.GetValueOrDefault(secretName, (Limit, Window));
        }
    }

    /// <summary>Takes one credential from <paramref name="secretName"/>'s budget when there is room.</summary>
    /// <param name="secretName">The spec name of the secret.</param>
    /// <param name="retryAt">When refused: the moment the oldest counted mint leaves the window.</param>
    /// <returns>False when <see cref="Limit"/> credentials were already minted within the last <see cref="Window"/>.</returns>
    public bool TryTake(string secretName, out DateTimeOffset retryAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretName);
        var now = _time.GetUtcNow();
        lock (_mints)
        {
            var mints = Recent(secretName, now);
            var (limit, window) = _rates.GetValueOrDefault(secretName, (Limit, Window));
            if (mints.Count >= limit)
            {
                retryAt = mints.Peek() + window;
                return false;
            }

            mints.Enqueue(now);
            retryAt = now;
            return true;
        }
    }

    /// <summary>Takes one credential from the budget, or throws.</summary>
    /// <exception cref="MintBudgetExceededException">The budget is spent; the message names the secret, never a value.</exception>
    public void Take(string secretName)
    {
        if (!TryTake(secretName, out var retryAt))
        {
            var (limit, window) = RateOf(secretName);
            throw new MintBudgetExceededException(secretName, limit, window, retryAt);
        }
    }

    /// <summary>Gives back the last credential taken: the attempt provably minted nothing (see <see cref="LeaseFailures.ProvesNothingMinted"/>).</summary>
    public void Return(string secretName)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretName);
        lock (_mints)
        {
            if (_mints.TryGetValue(secretName, out var mints) && mints.Count > 0)
            {
                // The newest entry is the one being returned; a Queue cannot drop its tail, so rebuild (Limit is small).
                _mints[secretName] = new Queue<DateTimeOffset>(mints.Take(mints.Count - 1));
            }
        }
    }

    /// <summary>Credentials counted for <paramref name="secretName"/> in the current window.</summary>
    public int Used(string secretName)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretName);
        lock (_mints)
        {
            return Recent(secretName, _time.GetUtcNow()).Count;
        }
    }

    private Queue<DateTimeOffset> Recent(string secretName, DateTimeOffset now)
    {
        if (!_mints.TryGetValue(secretName, out var mints))
        {
            mints = new Queue<DateTimeOffset>();
            _mints[secretName] = mints;
        }

        var window = _rates.TryGetValue(secretName, out var rate) ? rate.Window : Window;
        while (mints.Count > 0 && mints.Peek() + window <= now)
        {
            mints.Dequeue();
        }

        return mints;
    }
}
