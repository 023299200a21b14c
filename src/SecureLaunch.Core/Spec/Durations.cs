using System.Globalization;
using System.Text;

namespace SecureLaunch.Core.Spec;

/// <summary>Durations as the spec writes them, Go's way: <c>500ms</c>, <c>2s</c>, <c>5m</c>, <c>1h30m</c>.</summary>
public static class Durations
{
    /// <summary>Parses a sequence of whole numbers each followed by <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>; a bare <c>0</c> is zero.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s == "0")
        {
            return true;
        }

        var i = 0;
        var total = TimeSpan.Zero;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || i - start > 9 || !long.TryParse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetterLower(s[i]))
            {
                i++;
            }

            TimeSpan? part = s[unitStart..i] switch
            {
                "ms" => TimeSpan.FromMilliseconds(number),
                "s" => TimeSpan.FromSeconds(number),
                "m" => TimeSpan.FromMinutes(number),
                "h" => TimeSpan.FromHours(number),
                _ => null,
            };
            if (part is not { } p)
            {
                return false;
            }

            total += p;
        }

        value = total;
        return true;
    }

    /// <summary>The shortest spec form of <paramref name="value"/>: <c>90s</c> as <c>1m30s</c>, <c>0.5 s</c> as <c>500ms</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        Append(text, (long)value.TotalHours, "h");
        Append(text, value.Minutes, "m");
        Append(text, value.Seconds, "s");
        Append(text, value.Milliseconds, "ms");
        return text.ToString();
    }

    private static void Append(StringBuilder text, long amount, string unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
