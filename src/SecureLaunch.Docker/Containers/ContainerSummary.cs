namespace SecureLaunch.Docker.Containers;

/// <summary>One row of the container list.</summary>
public sealed record ContainerSummary(string Id, string Name, string Image, string State, IReadOnlyDictionary<string, string> Labels);
