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

    public int Limit { get; }

    public TimeSpan Window { get; }

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
            if (mints.Count >= Limit)
            {
                retryAt = mints.Peek() + Window;
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
            throw new MintBudgetExceededException(secretName, Limit, Window, retryAt);
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

        while (mints.Count > 0 && mints.Peek() + Window <= now)
        {
            mints.Dequeue();
        }

        return mints;
    }
}
