namespace SecureLaunch.Docker.Swarm;

/// <summary>A secret or config mounted as a file into a service's tasks.</summary>
/// <param name="Id">The secret's or config's id.</param>
/// <param name="Name">Its name; the daemon identifies it by <paramref name="Id"/>, the name is for display.</param>
/// <param name="Target">A file name under <c>/run/secrets/</c> (configs: <c>/</c>), or an absolute path (Linux).</param>
/// <param name="Uid">Owner inside the task.</param>
/// <param name="Gid">Group inside the task.</param>
/// <param name="Mode">Permission bits.</param>
public sealed record SwarmFileReference(string Id, string Name, string Target, int Uid, int Gid, UnixFileMode Mode);
