namespace SecureLaunch.Docker.Swarm;

/// <summary>A host path bind-mounted into a service's tasks; the source is resolved on each task's node.</summary>
public sealed record SwarmBindMount(string Source, string Target, bool ReadOnly);
