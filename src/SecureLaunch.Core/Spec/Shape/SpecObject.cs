namespace SecureLaunch.Core.Spec.Shape;

/// <summary>
/// A spec section with a fixed set of keys. <paramref name="Name"/> names it in the schema's <c>$defs</c>;
/// keys starting with <c>x-</c> are allowed everywhere but in sections with variants, as the binder allows them.
/// </summary>
internal sealed record SpecObject(string Name, string Description, IReadOnlyList<SpecKey> Keys) : SpecType
{
    /// <summary>The key whose value picks one of <see cref="Variants"/>; null for a section without variants.</summary>
    public string? Discriminator { get; init; }

    /// <summary>Keys that only some values of <see cref="Discriminator"/> take, on top of <see cref="Keys"/>.</summary>
    public IReadOnlyList<SpecVariant> Variants { get; init; } = [];

    public IReadOnlyList<SpecRule> Rules { get; init; } = [];

    public bool AllowsExtensions => Discriminator is null;

    /// <summary>Every name the section's common keys may be written as (not its variants' keys).</summary>
    public IEnumerable<string> KeyNames => Keys.SelectMany(k => k.Names);

    /// <summary>The variant for <paramref name="value"/> of the discriminator, case-insensitively; null when there is none.</summary>
    public SpecVariant? Variant(string value) =>
        Variants.FirstOrDefault(v => string.Equals(v.Value, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The key, common or of any variant, that <paramref name="name"/> is a form of; null when none is.</summary>
    public SpecKey? Find(string name) =>
        Keys.Concat(Variants.SelectMany(v => v.Keys)).FirstOrDefault(k => k.Names.Contains(name, StringComparer.OrdinalIgnoreCase));
}
