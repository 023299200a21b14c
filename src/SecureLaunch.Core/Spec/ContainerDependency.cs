namespace SecureLaunch.Core.Spec;

/// <summary>One entry of a container's <c>depends_on:</c>: start only once <paramref name="Name"/> meets <paramref name="Condition"/>.</summary>
public sealed record ContainerDependency(string Name, DependencyCondition Condition, SourceLocation Location);
