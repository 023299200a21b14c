namespace SecureLaunch.Core.Spec.Shape;

/// <summary>A constraint across keys of one section, for the schema and the docs (the binder words its own errors).</summary>
/// <param name="ExactlyOne">True: exactly one of <paramref name="Keys"/>; false: at least one.</param>
/// <param name="Keys">Key names; a credential counts in any of its three forms.</param>
internal sealed record SpecRule(bool ExactlyOne, IReadOnlyList<string> Keys)
{
    public static SpecRule OneOf(params string[] keys) => new(true, keys);

    public static SpecRule AnyOf(params string[] keys) => new(false, keys);
}
