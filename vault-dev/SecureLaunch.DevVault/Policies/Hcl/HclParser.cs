namespace SecureLaunch.DevVault.Policies.Hcl;

/// <summary>
/// Parses the HCL 1 subset Vault policies are written in: <c>key = value</c> assignments and
/// <c>key "label" { ... }</c> blocks, with strings, numbers, booleans, lists and objects as values.
/// </summary>
internal sealed class HclParser
{
    private readonly List<HclToken> _tokens;
    private int _index;

    private HclParser(string text) => _tokens = new HclLexer(text).Tokenize();

    /// <exception cref="HclException">The text is not well-formed HCL.</exception>
    public static HclObject Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new HclParser(text);
        var body = parser.Body(topLevel: true, 1, 1);
        return body;
    }

    private HclToken Current => _tokens[_index];

    private HclObject Body(bool topLevel, int line, int column)
    {
        var items = new List<HclItem>();
        while (true)
        {
            var token = Current;
            if (token.Kind == HclTokenKind.End)
            {
                return topLevel ? new HclObject(items, line, column) : throw new HclException(token.Line, token.Column, "object expected closing RBRACE got: EOF");
            }

            if (token is { Kind: HclTokenKind.Symbol, Text: "}" })
            {
                if (topLevel)
                {
                    throw new HclException(token.Line, token.Column, "expected: IDENT | STRING got: RBRACE");
                }

                _index++;
                return new HclObject(items, line, column);
            }

            items.Add(Item());
            if (Current is { Kind: HclTokenKind.Symbol, Text: "," })
            {
                _index++;
            }
        }
    }

    private HclItem Item()
    {
        var keyToken = Current;
        if (keyToken.Kind is not (HclTokenKind.Identifier or HclTokenKind.String))
        {
            throw new HclException(keyToken.Line, keyToken.Column, $"expected: IDENT | STRING got: {Describe(keyToken)}");
        }

        _index++;
        var labels = new List<string>();
        while (Current.Kind is HclTokenKind.Identifier or HclTokenKind.String)
        {
            labels.Add(Current.Text);
            _index++;
        }

        var next = Current;
        if (next is { Kind: HclTokenKind.Symbol, Text: "=" } && labels.Count == 0)
        {
            _index++;
            return new HclItem(keyToken.Text, labels, Value(), keyToken.Line, keyToken.Column);
        }

        if (next is { Kind: HclTokenKind.Symbol, Text: "{" })
        {
            _index++;
            return new HclItem(keyToken.Text, labels, Body(topLevel: false, next.Line, next.Column), keyToken.Line, keyToken.Column);
        }

        throw new HclException(next.Line, next.Column, $"key '{keyToken.Text}' expected start of object ('{{') or assignment ('=')");
    }

    private HclValue Value()
    {
        var token = Current;
        _index++;
        switch (token.Kind)
        {
            case HclTokenKind.String:
                return new HclString(token.Text, token.Line, token.Column);
            case HclTokenKind.Number:
                return new HclNumber(token.Text, token.Line, token.Column);
            case HclTokenKind.Identifier when token.Text is "true" or "false":
                return new HclBool(token.Text == "true", token.Line, token.Column);
            case HclTokenKind.Symbol when token.Text == "[":
                return List(token);
            case HclTokenKind.Symbol when token.Text == "{":
                return Body(topLevel: false, token.Line, token.Column);
            default:
                throw new HclException(token.Line, token.Column, $"Unknown token: {token.Line}:{token.Column} {Describe(token)}");
        }
    }

    private HclList List(HclToken open)
    {
        var items = new List<HclValue>();
        while (true)
        {
            if (Current is { Kind: HclTokenKind.Symbol, Text: "]" })
            {
                _index++;
                return new HclList(items, open.Line, open.Column);
            }

            if (Current.Kind == HclTokenKind.End)
            {
                throw new HclException(open.Line, open.Column, "list not terminated");
            }

            items.Add(Value());
            if (Current is { Kind: HclTokenKind.Symbol, Text: "," })
            {
                _index++;
            }
            else if (Current is not { Kind: HclTokenKind.Symbol, Text: "]" })
            {
                throw new HclException(Current.Line, Current.Column, $"found a {Describe(Current)}, expected a comma or ']'");
            }
        }
    }

    private static string Describe(HclToken token) => token.Kind switch
    {
        HclTokenKind.End => "EOF",
        HclTokenKind.Symbol => token.Text,
        _ => $"{token.Kind.ToString().ToUpperInvariant()} {token.Text}",
    };
}
