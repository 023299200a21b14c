using System.Text;

namespace SecureLaunch.TestKit;

/// <summary>
/// Replays what a program wrote to a terminal and gives the screen (all lines, scrollback included) as a person
/// would see it. Knows what the progress display uses: printable text, CR, LF, cursor up (<c>ESC[nA</c>) and
/// erase below (<c>ESC[J</c>) or in line (<c>ESC[K</c>, <c>ESC[2K</c>); any other escape sequence is kept as written.
/// </summary>
public static class VirtualTerminal
{
    public static IReadOnlyList<string> Screen(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var lines = new List<StringBuilder> { new() };
        int row = 0, column = 0;
        for (var i = 0; i < written.Length; i++)
        {
            var c = written[i];
            if (c == '\u001b' && i + 1 < written.Length && written[i + 1] == '[' && TryReadCsi(written, i + 2, out var parameter, out var command, out var end)
                && command is 'A' or 'J' or 'K')
            {
                switch (command)
                {
                    case 'A':
                        row = Math.Max(0, row - Math.Max(parameter ?? 1, 1));
                        break;
                    case 'J':
                        lines[row].Length = Math.Min(column, lines[row].Length);
                        lines.RemoveRange(row + 1, lines.Count - row - 1);
                        break;
                    case 'K' when parameter == 2:
                        lines[row].Clear();
                        break;
                    case 'K':
                        lines[row].Length = Math.Min(column, lines[row].Length);
                        break;
                }

                i = end;
                continue;
            }

            switch (c)
            {
                case '\r':
                    column = 0;
                    break;
                case '\n':
                    row++;
                    column = 0;
                    if (row == lines.Count)
                    {
                        lines.Add(new StringBuilder());
                    }

                    break;
                default:
                    var line = lines[row];
                    if (column < line.Length)
                    {
                        line[column] = c;
                    }
                    else
                    {
                        line.Append(' ', column - line.Length).Append(c);
                    }

                    column++;
                    break;
            }
        }

        var screen = lines.Select(l => l.ToString()).ToList();
        while (screen.Count > 0 && screen[^1].Length == 0)
        {
            screen.RemoveAt(screen.Count - 1);
        }

        return screen;
    }

    private static bool TryReadCsi(string text, int start, out int? parameter, out char command, out int end)
    {
        var digits = start;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        parameter = digits > start ? int.Parse(text.AsSpan(start, digits - start), System.Globalization.CultureInfo.InvariantCulture) : null;
        command = digits < text.Length ? text[digits] : '\0';
        end = digits;
        return digits < text.Length;
    }
}
