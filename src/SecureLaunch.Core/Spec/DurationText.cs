using System.Globalization;

namespace SecureLaunch.Core.Spec;

/// <summary>Go-style durations as Docker's CLI takes them: <c>500ms</c>, <c>10s</c>, <c>1m30s</c>, <c>2h</c>; <c>0</c> alone.</summary>
internal static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = TimeSpan.Zero;
        if (text == "0")
        {
            return true;
        }

        var i = 0;
        try
        {
            while (i < text.Length)
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (i == start || !long.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

                var unit = text.AsSpan(i).StartsWith("ms", StringComparison.Ordinal) ? "ms" : i < text.Length ? text[i].ToString() : "";
                var scale = unit switch
                {
                    "ms" => TimeSpan.FromMilliseconds(1),
                    "s" => TimeSpan.FromSeconds(1),
                    "m" => TimeSpan.FromMinutes(1),
                    "h" => TimeSpan.FromHours(1),
                    _ => TimeSpan.Zero,
                };
                if (scale == TimeSpan.Zero)
                {
                    return false;
                }

                duration = checked(duration + (scale * number));
                i += unit.Length;
            }
        }
        catch (OverflowException)
        {
            return false;
        }

        return text.Length > 0;
    }
}
