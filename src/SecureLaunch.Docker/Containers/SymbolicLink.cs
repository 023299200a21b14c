namespace SecureLaunch.Docker.Containers;

/// <summary>A symbolic link to put in a container's filesystem before it starts.</summary>
/// <param name="Path">The absolute path of the link in the container; missing parent directories are created (0755, root).</param>
/// <param name="Target">What it points to, e.g. a file inside a directory bind mount.</param>
public sealed record SymbolicLink(string Path, string Target);
