namespace SecureLaunch.Docker.Networks;

/// <summary>One network the daemon knows: <paramref name="Scope"/> is <c>local</c> or <c>swarm</c>; a swarm network takes standalone containers only when <paramref name="Attachable"/>.</summary>
public sealed record NetworkSummary(string Name, string Id, string Driver, string Scope, bool Attachable);
