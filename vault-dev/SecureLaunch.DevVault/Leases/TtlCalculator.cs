using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Leases;

/// <summary>Vault's <c>framework.CalculateTTL</c> for renewals: the increment (or the backend TTL) capped at what is left of the max TTL.</summary>
internal static class TtlCalculator
{
    public readonly record struct Outcome(TimeSpan Ttl, string? Warning, string? Error);

    public static Outcome Renewal(DateTimeOffset now, TimeSpan increment, TimeSpan backendTtl, TimeSpan backendMaxTtl, TimeSpan explicitMaxTtl, DateTimeOffset issuedAt)
    {
        now = GoTime.TruncateToSecond(now);
        var start = GoTime.TruncateToSecond(issuedAt);
        var maxTtl = backendMaxTtl > TimeSpan.Zero && backendMaxTtl < SystemDefaults.MaxLeaseTtl ? backendMaxTtl : SystemDefaults.MaxLeaseTtl;
        var ttl = increment > TimeSpan.Zero ? increment : backendTtl > TimeSpan.Zero ? backendTtl : SystemDefaults.DefaultLeaseTtl;
        var maxValid = start + maxTtl;
        if (explicitMaxTtl > TimeSpan.Zero && start + explicitMaxTtl < maxValid)
        {
            maxValid = start + explicitMaxTtl;
        }

        var maxValidTtl = maxValid - now;
        if (maxValidTtl <= TimeSpan.Zero)
        {
            return new Outcome(TimeSpan.Zero, null, "past the max TTL, cannot renew");
        }

        if (maxValidTtl < ttl)
        {
            var warning = $"TTL of \"{GoDuration.Format(ttl)}\" exceeded the effective max_ttl of \"{GoDuration.Format(maxValidTtl)}\"; TTL value is capped accordingly";
            return new Outcome(maxValidTtl, warning, null);
        }

        return new Outcome(ttl, null, null);
    }

    /// <summary>A periodic token's renewal: the period, capped only by what is left of an explicit max TTL.</summary>
    public static Outcome Periodic(DateTimeOffset now, TimeSpan period, TimeSpan explicitMaxTtl, DateTimeOffset issuedAt)
    {
        if (explicitMaxTtl <= TimeSpan.Zero)
        {
            return new Outcome(period < SystemDefaults.MaxLeaseTtl ? period : SystemDefaults.MaxLeaseTtl, null, null);
        }

        var left = GoTime.TruncateToSecond(issuedAt) + explicitMaxTtl - GoTime.TruncateToSecond(now);
        if (left <= TimeSpan.Zero)
        {
            return new Outcome(TimeSpan.Zero, null, "past the max TTL, cannot renew");
        }

        return new Outcome(left < period ? left : period, null, null);
    }

    /// <summary>The TTL of a newly issued secret: the backend TTL (or the default) capped at the backend max (or the system max).</summary>
    public static TimeSpan Issue(TimeSpan backendTtl, TimeSpan backendMaxTtl)
    {
        var ttl = backendTtl > TimeSpan.Zero ? backendTtl : SystemDefaults.DefaultLeaseTtl;
        var max = backendMaxTtl > TimeSpan.Zero && backendMaxTtl < SystemDefaults.MaxLeaseTtl ? backendMaxTtl : SystemDefaults.MaxLeaseTtl;
        return ttl < max ? ttl : max;
    }
}
