namespace SecureLaunch.Docker.Swarm;

/// <summary>A secret or config as the daemon lists it: identity and labels, never data.</summary>
public sealed record SwarmObjectInfo(string Id, string Name, IReadOnlyDictionary<string, string> Labels);
