namespace SecureLaunch.Docker.Containers;

/// <summary>
/// A Docker volume mounted into a container: named (created by the daemon when missing, kept after the
/// container is removed) or, with a null <paramref name="Name"/>, anonymous (removed with the container).
/// </summary>
public sealed record VolumeMount(string? Name, string Target, bool ReadOnly = false, bool NoCopy = false);
