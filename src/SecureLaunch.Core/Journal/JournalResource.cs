namespace SecureLaunch.Core.Journal;

/// <summary>Something a launch created on the Docker engine (a container, a Swarm service or secret), by name and id.</summary>
/// <param name="Name">The engine's name for it (<c>hello-web-1a2b3c4d</c>).</param>
/// <param name="Id">The engine's id.</param>
public sealed record JournalResource(string Name, string Id);
