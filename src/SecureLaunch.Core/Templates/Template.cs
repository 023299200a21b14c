using System.Text;

namespace SecureLaunch.Core.Templates;

/// <summary>
/// A value made of literal text and <c>{{ secret.field }}</c> references, parsed once at validation.
/// <see cref="ToString"/> shows the references, never resolved values.
/// </summary>
public sealed class Template
{
    private readonly TemplatePart[] _parts;

    private Template(TemplatePart[] parts, string source)
    {
        _parts = parts;
        Source = source;
    }

    /// <summary>The text as written in the spec (after <c>${VAR}</c> expansion).</summary>
    public string Source { get; }

    public IReadOnlyList<TemplatePart> Parts => _parts;

    public IEnumerable<SecretReference> References =>
        _parts.Where(p => p.Reference is not null).Select(p => p.Reference!.Value);

    /// <summary>Parses <paramref name="text"/>; on a malformed reference returns null and the error with its offset.</summary>
    public static Template? Parse(string text, out string? error, out int errorOffset)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<TemplatePart>();
        var literalStart = 0;
        var i = 0;
        error = null;
        errorOffset = 0;
        while ((i = text.IndexOf("{{", i, StringComparison.Ordinal)) >= 0)
        {
            var close = text.IndexOf("}}", i + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                (error, errorOffset) = ("'{{' has no closing '}}'", i);
                return null;
            }

            if (!TryParseReference(text[(i + 2)..close].Trim(), out var reference))
            {
                (error, errorOffset) = ($"'{text[i..(close + 2)]}' is not a reference; write {{{{ secret.field }}}}", i);
                return null;
            }

            if (i > literalStart)
            {
                parts.Add(new TemplatePart(text[literalStart..i], null, literalStart));
            }

            parts.Add(new TemplatePart(null, reference, i));
            i = literalStart = close + 2;
        }

        if (literalStart < text.Length)
        {
            parts.Add(new TemplatePart(text[literalStart..], null, literalStart));
        }

        return new Template([.. parts], text);
    }

    /// <summary>Builds the value, asking <paramref name="resolve"/> for each reference.</summary>
    public string Render(Func<SecretReference, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var builder = new StringBuilder();
        foreach (var part in _parts)
        {
            builder.Append(part.Reference is { } reference ? resolve(reference) : part.Literal);
        }

        return builder.ToString();
    }

    public override string ToString() => Source;

    private static bool TryParseReference(string body, out SecretReference reference)
    {
        reference = default;
        var dot = body.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == body.Length - 1 || body.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var secret = body[..dot];
        if (!SpecNames.IsValidName(secret))
        {
            return false;
        }

        reference = new SecretReference(secret, body[(dot + 1)..]);
        return true;
    }
}
