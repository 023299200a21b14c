namespace SecureLaunch.Core.Spec;

/// <summary>A validated spec, or every error found in it.</summary>
public sealed record SpecLoadResult(RunSpec? Spec, IReadOnlyList<SpecDiagnostic> Errors)
{
    public bool IsValid => Spec is not null && Errors.Count == 0;
}
