using System.Text;

namespace SecureLaunch.Core.Spec;

/// <summary>
/// Expands <c>${VAR}</c>, <c>$VAR</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>, <c>${VAR:?message}</c>,
/// <c>${VAR?message}</c>, <c>${VAR:+alt}</c>, <c>${VAR+alt}</c> and <c>$$</c> as Docker Compose does.
/// </summary>
/// <remarks>
/// Two rules of our own: an unset variable without a default is an error rather than an empty
/// string (a launch with a silently empty role id fails far from its cause), and a value taken from
/// the environment may not contain <c>{{</c>, so environment text can never become a reference to a
/// secret (the two syntaxes never mix).
/// </remarks>
public static class EnvironmentInterpolator
{
    /// <summary>Expands <paramref name="text"/>; on failure returns the error and its offset in the text.</summary>
    public static InterpolationResult Expand(string text, Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lookup);
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return InterpolationResult.Success(text);
        }

        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$')
            {
                output.Append(c);
                i++;
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '$')
            {
                output.Append('$');
                i += 2;
                continue;
            }

            var start = i;
            var expanded = i + 1 < text.Length && text[i + 1] == '{'
                ? ExpandBraced(text, ref i, lookup)
                : ExpandBare(text, ref i, lookup);
            if (expanded.Error is not null)
            {
                return expanded with { ErrorOffset = start + expanded.ErrorOffset };
            }

            output.Append(expanded.Value);
        }

        return InterpolationResult.Success(output.ToString());
    }

    private static InterpolationResult ExpandBare(string text, ref int i, Func<string, string?> lookup)
    {
        var nameStart = i + 1;
        var nameEnd = ScanName(text, nameStart);
        if (nameEnd == nameStart)
        {
            return InterpolationResult.Failure("a '$' must start ${NAME} or $NAME; write $$ for a literal '$'", 0);
        }

        var name = text[nameStart..nameEnd];
        i = nameEnd;
        return Substitute(name, lookup(name));
    }

    private static InterpolationResult ExpandBraced(string text, ref int i, Func<string, string?> lookup)
    {
        var close = FindClosingBrace(text, i + 2);
        if (close < 0)
        {
            return InterpolationResult.Failure("'${' has no closing '}'", 0);
        }

        var body = text[(i + 2)..close];
        i = close + 1;
        var nameEnd = ScanName(body, 0);
        if (nameEnd == 0)
        {
            return InterpolationResult.Failure($"'${{{body}}}' does not start with a variable name", 0);
        }

        var name = body[..nameEnd];
        var value = lookup(name);
        var rest = body[nameEnd..];
        if (rest.Length == 0)
        {
            return Substitute(name, value);
        }

        var colon = rest.StartsWith(':');
        var op = colon ? rest.Length > 1 ? rest[1] : '\0' : rest[0];
        var argument = rest[(colon ? 2 : 1)..];
        var missing = colon ? string.IsNullOrEmpty(value) : value is null;
        switch (op)
        {
            case '-':
                return missing ? Expand(argument, lookup) : Substitute(name, value);
            case '?':
                return missing
                    ? InterpolationResult.Failure(argument.Length > 0 ? $"{name}: {argument}" : $"{name} is required but not set", 0)
                    : Substitute(name, value);
            case '+':
                return missing ? InterpolationResult.Success(string.Empty) : Expand(argument, lookup);
            default:
                return InterpolationResult.Failure($"'${{{body}}}' is not a valid substitution (use :-, -, :?, ?, :+ or +)", 0);
        }
    }

    private static InterpolationResult Substitute(string name, string? value)
    {
        if (value is null)
        {
            return InterpolationResult.Failure($"environment variable {name} is not set (write ${{{name}:-}} to allow an empty value)", 0);
        }

        return value.Contains("{{", StringComparison.Ordinal)
            ? InterpolationResult.Failure($"environment variable {name} contains '{{{{'; secret references cannot come from the environment", 0)
            : InterpolationResult.Success(value);
    }

    private static int ScanName(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_') && !(end == start && char.IsAsciiDigit(text[end])))
        {
            end++;
        }

        return end;
    }

    private static int FindClosingBrace(string text, int from)
    {
        var depth = 0;
        for (var j = from; j < text.Length; j++)
        {
            if (text[j] == '{')
            {
                depth++;
            }
            else if (text[j] == '}')
            {
                if (depth == 0)
                {
                    return j;
                }

                depth--;
            }
        }

        return -1;
    }
}
