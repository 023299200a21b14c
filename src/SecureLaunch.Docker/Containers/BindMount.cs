namespace SecureLaunch.Docker.Containers;

/// <summary>A host path bind-mounted into a container.</summary>
public sealed record BindMount(string Source, string Target, bool ReadOnly = true);
