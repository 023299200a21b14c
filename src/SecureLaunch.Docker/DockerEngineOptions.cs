namespace SecureLaunch.Docker;

/// <summary>How to reach the Docker engine. No API version is pinned: the client negotiates.</summary>
public sealed record DockerEngineOptions
{
    /// <summary>The engine endpoint (<c>unix:///var/run/docker.sock</c>, <c>tcp://host:2375</c>); the caller resolves DOCKER_HOST.</summary>
    public Uri Endpoint { get; init; } = new("unix:///var/run/docker.sock");

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
