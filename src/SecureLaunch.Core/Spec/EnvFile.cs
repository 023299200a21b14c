using System.Text;
using SecureLaunch.Core.Host;

namespace SecureLaunch.Core.Spec;

/// <summary>
/// Reads <c>--env-file</c> files as Docker Compose reads its env files: <c>NAME=value</c> lines, blank lines and
/// <c># comments</c> ignored, an optional <c>export</c> in front; unquoted values end at <c> #</c> and are trimmed;
/// <c>'single'</c> quotes are literal (<c>\'</c> is a quote); <c>"double"</c> quotes know <c>\n \r \t \\ \" \$</c>;
/// quoted values may span lines; unquoted and double-quoted values get <c>${VAR}</c> interpolation from the
/// variables above them, then from the environment. A line that is only a name is allowed and sets nothing.
/// </summary>
/// <remarks>
/// Values may be secrets: errors name the file, the line and what is wrong, never the line's text (not even
/// its name, which a mistyped line could hold a secret in place of).
/// </remarks>
public static class EnvFile
{
    /// <summary>
    /// Reads every file in order (a later file's variable replaces an earlier one's); stops at the first problem.
    /// <paramref name="displayName"/> turns a path into the name errors show.
    /// </summary>
    public static EnvFileResult Load(IReadOnlyList<string> paths, ISystemEnvironment environment, Func<string, string> displayName)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(displayName);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var name = displayName(path);
            if (!environment.FileExists(path))
            {
                return EnvFileResult.Failure($"--env-file {name}: no such file");
            }

            string text;
            try
            {
                text = environment.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return EnvFileResult.Failure($"--env-file {name}: cannot read the file ({ex.GetType().Name})");
            }

            var error = Parse(text, name, variables, environment.GetVariable);
            if (error is not null)
            {
                return EnvFileResult.Failure(error);
            }
        }

        return EnvFileResult.Success(variables);
    }

    /// <summary>Adds the variables of <paramref name="text"/> to <paramref name="variables"/>; returns the error line, or null.</summary>
    public static string? Parse(string text, string source, IDictionary<string, string> variables, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(environment);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        string? Lookup(string name) => variables.TryGetValue(name, out var value) ? value : environment(name);
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index].TrimStart();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal) || line.StartsWith("export\t", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? line : line[..equals]).TrimEnd();
            if (!IsName(name))
            {
                return $"{source}:{lineNumber}: {(equals < 0 ? "expected NAME=value" : "the name before '=' is not a variable name ([A-Za-z_][A-Za-z0-9_]*)")} (the line is not shown: env files may hold secrets)";
            }

            if (equals < 0)
            {
                continue;
            }

            var (value, error) = ReadValue(lines, ref index, line[(equals + 1)..].TrimStart(), Lookup);
            if (error is not null)
            {
                return $"{source}:{lineNumber}: {name}: {error}";
            }

            variables[name] = value!;
        }

        return null;
    }

    private static (string? Value, string? Error) ReadValue(string[] lines, ref int index, string rest, Func<string, string?> lookup)
    {
        if (rest.Length > 0 && rest[0] is '\'' or '"')
        {
            var quote = rest[0];
            var text = new StringBuilder();
            var tail = ReadQuoted(lines, ref index, rest[1..], quote, text);
            if (tail is null)
            {
                return (null, $"the {(quote == '"' ? "double" : "single")} quote is never closed");
            }

            if (tail.Trim().Length > 0 && !tail.TrimStart().StartsWith('#'))
            {
                return (null, "only a comment may follow the closing quote");
            }

            return quote == '\'' ? (text.ToString(), null) : Interpolate(text.ToString(), lookup);
        }

        var comment = rest.IndexOf(" #", StringComparison.Ordinal) is var space and >= 0 ? space : rest.IndexOf("\t#", StringComparison.Ordinal);
        return Interpolate((comment >= 0 ? rest[..comment] : rest).Trim(), lookup);
    }

    /// <summary>Reads up to the closing quote, across lines; returns what follows it on its line, or null when it never closes.</summary>
    private static string? ReadQuoted(string[] lines, ref int index, string current, char quote, StringBuilder text)
    {
        while (true)
        {
            for (var i = 0; i < current.Length; i++)
            {
                var c = current[i];
                if (c == quote)
                {
                    return current[(i + 1)..];
                }

                if (c == '\\' && i + 1 < current.Length)
                {
                    var next = current[i + 1];
                    var escaped = quote == '\'' ? (next == '\'' ? "'" : null) : next switch
                    {
                        'n' => "\n",
                        'r' => "\r",
                        't' => "\t",
                        '\\' => "\\",
                        '"' => "\"",
                        '$' => "$$", // a literal '$' through interpolation
                        _ => null,
                    };
                    if (escaped is not null)
                    {
                        text.Append(escaped);
                        i++;
                        continue;
                    }
                }

                text.Append(c);
            }

            if (++index >= lines.Length)
            {
                return null;
            }

            text.Append('\n');
            current = lines[index];
        }
    }

    private static (string? Value, string? Error) Interpolate(string text, Func<string, string?> lookup)
    {
        var result = EnvironmentInterpolator.Expand(text, lookup);
        if (result.Error is null)
        {
            return (result.Value, null);
        }

        // The interpolator's messages about a variable name only; those quoting the text are replaced.
        return (null, result.Error.StartsWith("environment variable ", StringComparison.Ordinal)
            ? result.Error
            : "a '$' that is not a valid ${NAME} substitution (write $$ for a literal '$')");
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
