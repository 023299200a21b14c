using System.Globalization;

namespace SecureLaunch.DevVault.Internal;

/// <summary>Time as Vault writes it on the wire.</summary>
internal static class GoTime
{
    /// <summary>RFC 3339 with up to 7 fractional digits, trailing zeros trimmed, in UTC: Go's <c>RFC3339Nano</c> shape.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Seconds left until <paramref name="expiresAt"/>, measured from now rounded to the second (Vault's <c>ttl()</c>).</summary>
    public static long SecondsLeft(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var rounded = new DateTimeOffset((now.UtcTicks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return (long)(expiresAt - rounded).TotalSeconds;
    }

    public static DateTimeOffset TruncateToSecond(DateTimeOffset time) =>
        new(time.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
