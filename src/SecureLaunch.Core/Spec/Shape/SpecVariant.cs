namespace SecureLaunch.Core.Spec.Shape;

/// <summary>The keys a section takes when its discriminator (<c>vault.auth.method</c>) has <paramref name="Value"/>.</summary>
internal sealed record SpecVariant(string Value, string Description, IReadOnlyList<SpecKey> Keys)
{
    public IReadOnlyList<SpecRule> Rules { get; init; } = [];

    /// <summary>Every name the variant's own keys may be written as.</summary>
    public IEnumerable<string> KeyNames => Keys.SelectMany(k => k.Names);
}
