using System.Globalization;
using System.Text;

namespace SecureLaunch.DevVault.Internal;

/// <summary>Vault's duration strings: plain seconds ("90") or Go durations ("1h30m", "1.5s"), plus "d" for days.</summary>
internal static class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TryFromSeconds(seconds, out value);
        }

        return TryParseUnits(s, out value);
    }

    /// <summary>Formats whole seconds as Go's <c>time.Duration.String()</c> does: "10s", "1m30s", "2h0m0s".</summary>
    public static string Format(TimeSpan duration)
    {
        var total = (long)Math.Floor(duration.TotalSeconds);
        if (total == 0)
        {
            return "0s";
        }

        var sign = total < 0 ? "-" : string.Empty;
        total = Math.Abs(total);
        var hours = total / 3600;
        var minutes = total % 3600 / 60;
        var secs = total % 60;
        var text = new StringBuilder(sign);
        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours}h{minutes}m");
        }
        else if (minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{minutes}m");
        }

        return text.Append(CultureInfo.InvariantCulture, $"{secs}s").ToString();
    }

    private static bool TryFromSeconds(long seconds, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (seconds > (long)TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static bool TryParseUnits(string s, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+'))
        {
            s = s[1..];
        }

        double ticks = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            var unit = UnitTicks(s[unitStart..i]);
            if (unit is null)
            {
                return false;
            }

            ticks += number * unit.Value;
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
        return true;
    }

    private static double? UnitTicks(string unit) => unit switch
    {
        "ns" => TimeSpan.TicksPerMillisecond / 1_000_000.0,
        "us" or "µs" or "μs" => TimeSpan.TicksPerMillisecond / 1_000.0,
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        "h" => TimeSpan.TicksPerHour,
        "d" => TimeSpan.TicksPerDay,
        _ => null,
    };
}
