namespace SecureLaunch.Core.Leases;

/// <summary>What to do for one secret, and after how long.</summary>
/// <param name="Action">Renew, re-fetch or re-read.</param>
/// <param name="Delay">How long to wait before doing it; <see cref="TimeSpan.Zero"/> means now.</param>
/// <param name="Reason">For <see cref="RenewalAction.Refetch"/> and <see cref="RenewalAction.Reread"/>: why.</param>
public readonly record struct RenewalDecision(RenewalAction Action, TimeSpan Delay, RefetchReason? Reason = null)
{
    public static RenewalDecision RenewAfter(TimeSpan delay) => new(RenewalAction.Renew, NotNegative(delay));

    public static RenewalDecision RefetchAfter(TimeSpan delay, RefetchReason reason) => new(RenewalAction.Refetch, NotNegative(delay), reason);

    public static RenewalDecision RefetchNow(RefetchReason reason) => new(RenewalAction.Refetch, TimeSpan.Zero, reason);

    private static TimeSpan NotNegative(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
}
