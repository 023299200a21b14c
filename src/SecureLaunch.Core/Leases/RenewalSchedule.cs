namespace SecureLaunch.Core.Leases;

/// <summary>
/// When to renew, re-fetch or re-read a secret: pure functions of durations and an injected jitter in [0, 1),
/// with Vault Agent's numbers (<c>api/lifetime_watcher.go</c>) and consul-template's for non-renewable leases.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Grace: 10% of the lease duration plus up to another 10% of jitter, so [10%, 20%) of it (the watcher's
/// <c>calculateGrace</c>; it uses the renew increment instead when one is set and shorter).</item>
/// <item>Renewable lease with <c>R</c> left: wait <c>2/3 R + 1/3 grace</c>, then renew (the watcher's
/// <c>calculateSleepDuration</c>). When <c>R</c> is inside the grace, or waiting would land inside it
/// (<c>R - wait &lt;= grace</c>, i.e. <c>R &lt;= 4 grace</c>), renewing no longer helps: re-fetch now.</item>
/// <item>Non-renewable lease: re-fetch at 85-90% of its duration (consul-template staggers over 85-95%).</item>
/// <item>KV secret: re-read every 5 minutes unless configured otherwise (consul-template's default lease).</item>
/// <item>Token: renewed at half its remaining TTL; logged in again once that would land inside its grace.</item>
/// <item>Failed renewal: retry after 10 s, doubling up to 5 min (the watcher's backoff without its +/-50%
/// randomisation), but never past the lease's expiry: the last attempt is made <see cref="ExpiryMargin"/>
/// before it, and after that the loop waits for the expiry itself.</item>
/// </list>
/// </remarks>
public static class RenewalSchedule
{
    /// <summary>The smallest grace, as a fraction of the lease duration.</summary>
    public const double GraceFraction = 0.1;

    /// <summary>The earliest point of a non-renewable lease's life at which it is re-fetched.</summary>
    public const double NonRenewableFraction = 0.85;

    /// <summary>How far the non-renewable re-fetch point is spread past <see cref="NonRenewableFraction"/>.</summary>
    public const double NonRenewableSpread = 0.05;

    /// <summary>The first retry after a failed renewal.</summary>
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts during an outage.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>How often a KV secret is read again when its spec says nothing.</summary>
    public static readonly TimeSpan DefaultKvInterval = TimeSpan.FromMinutes(5);

    /// <summary>A renewal is not started closer than this to the expiry: it could not complete in time.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(1);

    /// <summary>The grace period of a lease: [10%, 20%) of <paramref name="leaseDuration"/> (or of a shorter <paramref name="increment"/>).</summary>
    /// <param name="leaseDuration">The duration Vault granted last.</param>
    /// <param name="jitter">A value in [0, 1): 0 gives 10%, values close to 1 close to 20%.</param>
    /// <param name="increment">The increment asked for on renewal, if any.</param>
    public static TimeSpan Grace(TimeSpan leaseDuration, double jitter, TimeSpan? increment = null)
    {
        CheckJitter(jitter);
        var basis = increment is { } i && i > TimeSpan.Zero && i < leaseDuration ? i : leaseDuration;
        return basis <= TimeSpan.Zero ? TimeSpan.Zero : Scale(basis, GraceFraction * (1 + jitter));
    }

    /// <summary>For a renewable lease with <paramref name="remaining"/> left: renew after 2/3 of it plus 1/3 of the grace, or re-fetch now.</summary>
    /// <param name="remaining">Time until the lease (or the token it belongs to) expires.</param>
    /// <param name="grace">From <see cref="Grace"/>.</param>
    /// <param name="reasonInsideGrace">The reason given when a re-fetch is due (<see cref="RefetchReason.TokenExpiring"/> when the token caps the lease).</param>
    public static RenewalDecision ForRenewable(TimeSpan remaining, TimeSpan grace, RefetchReason reasonInsideGrace = RefetchReason.InsideGrace)
    {
        if (remaining <= grace)
        {
            return RenewalDecision.RefetchNow(reasonInsideGrace);
        }

        var wait = TimeSpan.FromTicks((long)((remaining.Ticks * 2.0 / 3.0) + (grace.Ticks / 3.0)));
        return remaining - wait <= grace ? RenewalDecision.RefetchNow(reasonInsideGrace) : RenewalDecision.RenewAfter(wait);
    }

    /// <summary>How far into its life a non-renewable lease is re-fetched: 85-90% of <paramref name="leaseDuration"/>.</summary>
    public static TimeSpan NonRenewableRefetchPoint(TimeSpan leaseDuration, double jitter)
    {
        CheckJitter(jitter);
        return Scale(leaseDuration, NonRenewableFraction + (NonRenewableSpread * jitter));
    }

    /// <summary>For a non-renewable lease of <paramref name="leaseDuration"/> of which <paramref name="elapsed"/> has passed.</summary>
    public static RenewalDecision ForNonRenewable(TimeSpan leaseDuration, TimeSpan elapsed, double jitter) =>
        RenewalDecision.RefetchAfter(NonRenewableRefetchPoint(leaseDuration, jitter) - elapsed, RefetchReason.NotRenewable);

    /// <summary>For a KV secret: read it again after <paramref name="interval"/> (default <see cref="DefaultKvInterval"/>).</summary>
    public static RenewalDecision ForKv(TimeSpan? interval = null)
    {
        var every = interval ?? DefaultKvInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(every, TimeSpan.Zero, nameof(interval));
        return new RenewalDecision(RenewalAction.Reread, every, RefetchReason.Interval);
    }

    /// <summary>The wait after the <paramref name="failedAttempts"/>th failure in a row: 10 s, 20 s, 40 s ... up to 5 min.</summary>
    public static TimeSpan Backoff(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var doublings = Math.Min(failedAttempts - 1, 16);
        var delay = InitialBackoff * Math.Pow(2, doublings);
        return delay > MaxBackoff ? MaxBackoff : delay;
    }

    /// <summary>
    /// The wait before retrying after <paramref name="failedAttempts"/> failures when the credential expires in
    /// <paramref name="untilExpiry"/>: the backoff, shortened to a last attempt <see cref="ExpiryMargin"/> before the
    /// expiry; null when no attempt fits before it any more.
    /// </summary>
    public static TimeSpan? RetryDelay(int failedAttempts, TimeSpan untilExpiry)
    {
        var backoff = Backoff(failedAttempts);
        var lastChance = untilExpiry - ExpiryMargin;
        if (backoff < lastChance)
        {
            return backoff;
        }

        return lastChance >= ExpiryMargin ? lastChance : null;
    }

    /// <summary>After a renewal failed <paramref name="failedAttempts"/> times in a row: retry within the lease, or re-fetch once it has expired.</summary>
    public static RenewalDecision ForFailedRenewal(int failedAttempts, TimeSpan untilExpiry) =>
        RetryDelay(failedAttempts, untilExpiry) is { } delay
            ? RenewalDecision.RenewAfter(delay)
            : RenewalDecision.RefetchAfter(untilExpiry, RefetchReason.Expired);

    /// <summary>When to renew a token with <paramref name="ttl"/> left: at half of it (consul-template's <c>renew_token</c>).</summary>
    public static TimeSpan TokenRenewAfter(TimeSpan ttl) => ttl <= TimeSpan.Zero ? TimeSpan.Zero : ttl / 2;

    /// <summary>
    /// For a token with <paramref name="remaining"/> left: renew at half of it; log in again as soon as that renewal
    /// would land inside the grace (renewals stopped extending it: its max TTL), or, for a token that cannot be
    /// renewed, when the grace begins.
    /// </summary>
    public static RenewalDecision ForToken(TimeSpan remaining, TimeSpan grace, bool renewable)
    {
        if (remaining <= grace)
        {
            return new RenewalDecision(RenewalAction.Reauthenticate, TimeSpan.Zero);
        }

        if (!renewable)
        {
            return new RenewalDecision(RenewalAction.Reauthenticate, remaining - grace);
        }

        var wait = TokenRenewAfter(remaining);
        return remaining - wait <= grace
            ? new RenewalDecision(RenewalAction.Reauthenticate, TimeSpan.Zero)
            : RenewalDecision.RenewAfter(wait);
    }

    /// <summary>After a token renewal failed <paramref name="failedAttempts"/> times: retry while one fits before expiry, then log in again.</summary>
    public static RenewalDecision ForFailedTokenRenewal(int failedAttempts, TimeSpan untilExpiry) =>
        RetryDelay(failedAttempts, untilExpiry) is { } delay
            ? RenewalDecision.RenewAfter(delay)
            : new RenewalDecision(RenewalAction.Reauthenticate, TimeSpan.Zero);

    private static TimeSpan Scale(TimeSpan duration, double factor) => TimeSpan.FromTicks((long)(duration.Ticks * factor));

    private static void CheckJitter(double jitter)
    {
        if (!(jitter >= 0 && jitter < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter must be in [0, 1).");
        }
    }
}
