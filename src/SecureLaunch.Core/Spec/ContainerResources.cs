namespace SecureLaunch.Core.Spec;

/// <summary>Resource limits of a container (<c>memory</c>, <c>cpus</c>, <c>pids_limit</c>); null is no limit.</summary>
public sealed record ContainerResources
{
    public static ContainerResources None { get; } = new();

    public long? MemoryBytes { get; init; }

    /// <summary>CPUs in billionths (<c>cpus: 1.5</c> is 1 500 000 000), as Docker's <c>NanoCpus</c>.</summary>
    public long? NanoCpus { get; init; }

    /// <summary>Most processes; -1 for no limit.</summary>
    public long? PidsLimit { get; init; }
}
