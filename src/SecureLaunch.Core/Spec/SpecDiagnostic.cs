namespace SecureLaunch.Core.Spec;

/// <summary>One problem found in a spec, with where it is. Never carries a secret value.</summary>
public sealed record SpecDiagnostic(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
