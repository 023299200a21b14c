using System.Text;

namespace SecureLaunch.DevVault.Policies.Hcl;

/// <summary>Splits HCL 1 text into tokens: identifiers, strings (with escapes), heredocs, numbers, symbols; skips comments.</summary>
internal sealed class HclLexer(string text)
{
    private int _position;
    private int _line = 1;
    private int _column = 1;

    public List<HclToken> Tokenize()
    {
        var tokens = new List<HclToken>();
        while (true)
        {
            SkipSpaceAndComments();
            if (_position >= text.Length)
            {
                tokens.Add(new HclToken(HclTokenKind.End, string.Empty, _line, _column));
                return tokens;
            }

            tokens.Add(Next());
        }
    }

    private HclToken Next()
    {
        var (line, column) = (_line, _column);
        var c = text[_position];
        if (c is '{' or '}' or '[' or ']' or '=' or ',')
        {
            Advance();
            return new HclToken(HclTokenKind.Symbol, c.ToString(), line, column);
        }

        if (c == '"')
        {
            return new HclToken(HclTokenKind.String, QuotedString(line, column), line, column);
        }

        if (c == '<' && Peek(1) == '<')
        {
            return new HclToken(HclTokenKind.String, Heredoc(line, column), line, column);
        }

        if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(Peek(1))))
        {
            return new HclToken(HclTokenKind.Number, Take(ch => char.IsAsciiDigit(ch) || ch is '.' or '-' or 'e' or 'E' or '+'), line, column);
        }

        if (char.IsLetter(c) || c == '_')
        {
            return new HclToken(HclTokenKind.Identifier, Take(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.'), line, column);
        }

        throw new HclException(line, column, $"illegal char '{c}'");
    }

    private string QuotedString(int line, int column)
    {
        Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= text.Length || text[_position] == '\n')
            {
                throw new HclException(line, column, "literal not terminated");
            }

            var c = text[_position];
            Advance();
            if (c == '"')
            {
                return value.ToString();
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (_position >= text.Length)
            {
                throw new HclException(line, column, "literal not terminated");
            }

            var escaped = text[_position];
            Advance();
            value.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '"' => '"',
                '\\' => '\\',
                _ => throw new HclException(_line, _column - 1, "unknown escape sequence"),
            });
        }
    }

    private string Heredoc(int line, int column)
    {
        Advance();
        Advance();
        var indented = Peek(0) == '-';
        if (indented)
        {
            Advance();
        }

        var marker = Take(ch => char.IsLetterOrDigit(ch) || ch == '_');
        if (marker.Length == 0 || Peek(0) != '\n')
        {
            throw new HclException(line, column, "heredoc expected marker name and a new line");
        }

        Advance();
        var lines = new List<string>();
        while (_position < text.Length)
        {
            var current = Take(ch => ch != '\n');
            if (_position < text.Length)
            {
                Advance();
            }

            if (current.Trim() == marker)
            {
                return string.Join('\n', lines) + (lines.Count > 0 ? "\n" : string.Empty);
            }

            lines.Add(indented ? current.TrimStart() : current);
        }

        throw new HclException(line, column, "heredoc not terminated");
    }

    private void SkipSpaceAndComments()
    {
        while (_position < text.Length)
        {
            var c = text[_position];
            if (char.IsWhiteSpace(c))
            {
                Advance();
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                Take(ch => ch != '\n');
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var (line, column) = (_line, _column);
                var end = text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new HclException(line, column, "comment not terminated");
                }

                while (_position < end + 2)
                {
                    Advance();
                }
            }
            else
            {
                return;
            }
        }
    }

    private string Take(Func<char, bool> accept)
    {
        var start = _position;
        while (_position < text.Length && accept(text[_position]))
        {
            Advance();
        }

        return text[start.._position];
    }

    private char Peek(int offset) => _position + offset < text.Length ? text[_position + offset] : '\0';

    private void Advance()
    {
        if (text[_position] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _position++;
    }
}
