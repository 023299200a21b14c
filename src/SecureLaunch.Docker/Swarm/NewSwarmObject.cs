namespace SecureLaunch.Docker.Swarm;

/// <summary>A secret or config to create. Its data is sent once, never logged, and never returned by the daemon.</summary>
/// <remarks>A record prints <see cref="Data"/> as its type and length only, so logging one by mistake shows no byte of it.</remarks>
public sealed record NewSwarmObject
{
    /// <summary>See <see cref="SwarmObjectLimits.IsValidObjectName"/>.</summary>
    public required string Name { get; init; }

    public required ReadOnlyMemory<byte> Data { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
