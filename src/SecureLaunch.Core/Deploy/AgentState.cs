using System.Text.Json;

namespace SecureLaunch.Core.Deploy;

/// <summary>
/// What the agent needs to take a launch over without minting anything: the launch token, the secrets as last
/// fetched with their leases, the key of the secret version names, and the spec. Only ever stored sealed to the
/// agent's key (<see cref="ClusterStore"/>); the config's labels carry the rest in clear, and nothing secret.
/// </summary>
public sealed record AgentState
{
    public required string LaunchId { get; init; }
    public required string SpecHash { get; init; }
    public required IReadOnlyDictionary<string, string> Spec { get; init; }
    public required string Source { get; init; }

    /// <summary>The launch's periodic token. Never log it.</summary>
    public required string Token { get; init; }

    public required string TokenAccessor { get; init; }

    /// <summary>The key of the keyed hash in Swarm secret version names.</summary>
    public required byte[] HashKey { get; init; }

    public required IReadOnlyList<StoredSecret> Secrets { get; init; }

    public override string ToString() => $"AgentState {{ LaunchId = {LaunchId}, SpecHash = {SpecHash}, TokenAccessor = {TokenAccessor}, Secrets = {Secrets.Count} }}";
}

/// <summary>One secret as fetched (fields and lease), by its spec name.</summary>
public sealed record StoredSecret
{
    public required string Name { get; init; }
    public required string Path { get; init; }
    public required IReadOnlyDictionary<string, JsonElement> Data { get; init; }
    public StoredLease? Lease { get; init; }
    public int? KvVersion { get; init; }
    public int? Version { get; init; }

    public override string ToString() => $"StoredSecret {{ Name = {Name}, Path = {Path}, Lease = {Lease} }}";
}

/// <summary>A lease as last renewed.</summary>
public sealed record StoredLease(string LeaseId, long DurationSeconds, bool Renewable, DateTimeOffset ObtainedAt);
