namespace SecureLaunch.Docker.Containers;

/// <summary>A network the container joins, with the names other containers on it can reach it by.</summary>
public sealed record NetworkAttachment(string Name, IReadOnlyList<string> Aliases);
