namespace SecureLaunch.Core.Spec;

/// <summary>A validated spec, or every error found in it.</summary>
public sealed record SpecLoadResult(RunSpec? Spec, IReadOnlyList<SpecDiagnostic> Errors)
{
    public bool IsValid => Spec is not null && Errors.Count == 0;

    /// <summary>
    /// The spec as resolved configuration keys (<c>services:web:image</c>), with interpolation, environment overrides
    /// and <c>--set</c> applied, for <see cref="SpecLoader.LoadValues"/> elsewhere. Left out: how to log in and unseal
    /// (<c>vault:auth</c>, <c>vault:unseal</c>), the dev seed, and every key the shape marks as secret material.
    /// </summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
}
