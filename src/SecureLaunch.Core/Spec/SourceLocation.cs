namespace SecureLaunch.Core.Spec;

/// <summary>Where a value came from: a spec file position, or another configuration layer.</summary>
public readonly record struct SourceLocation(string Source, int Line, int Column)
{
    /// <summary>A value from a layer without positions (an environment variable, a <c>--set</c> flag).</summary>
    public static SourceLocation Of(string source) => new(source, 0, 0);

    public override string ToString() => Line > 0 ? $"{Source}:{Line}:{Column}" : Source;

    /// <summary>The same location moved right by <paramref name="columns"/> on its line.</summary>
    public SourceLocation Offset(int columns) => Line > 0 ? this with { Column = Column + columns } : this;
}
