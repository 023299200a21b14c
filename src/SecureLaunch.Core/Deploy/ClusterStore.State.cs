using System.Globalization;
using System.Text.Json;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Core.Deploy;

/// <summary>Launch state: one immutable config per version, the newest kept, sealed to the agent's key.</summary>
public sealed partial class ClusterStore
{
    /// <summary>The newest state version of every launch.</summary>
    public async Task<IReadOnlyList<StateRecord>> ListStatesAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken)).States;

    /// <summary>The newest state version of the launch <paramref name="name"/>, or null.</summary>
    public async Task<StateRecord?> FindStateAsync(string name, CancellationToken cancellationToken) =>
        (await ListStatesAsync(cancellationToken)).FirstOrDefault(r => r.Name == name);

    /// <summary>Opens a state version with the agent's key; null when it was removed meanwhile.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">Sealed to another key, or altered.</exception>
    public async Task<AgentState?> OpenStateAsync(StateRecord record, AgentKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(key);
        var data = await _swarm.ReadConfigAsync(record.ConfigId, cancellationToken);
        return data is null ? null : JsonSerializer.Deserialize(key.Open(data, StatePurpose(record.Name)), DeployJsonContext.Default.AgentState);
    }

    /// <summary>
    /// Writes the next version of a launch's state (after <paramref name="previous"/>), then removes the older ones.
    /// <paramref name="heartbeat"/> false marks it let go of, so that the next agent takes it over at once.
    /// </summary>
    public async Task<StateRecord> WriteStateAsync(string name, AgentState state, string owner, AgentKey key, StateRecord? previous, bool heartbeat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(key);
        var sequence = (previous?.Sequence ?? 0) + 1;
        var now = heartbeat ? _time.GetUtcNow() : DateTimeOffset.UnixEpoch;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DeployLabels.Role] = DeployLabels.StateRole,
            [DeployLabels.Name] = name,
            [DeployLabels.Launch] = state.LaunchId,
            [DeployLabels.SpecHash] = state.SpecHash,
            [DeployLabels.Sequence] = sequence.ToString(CultureInfo.InvariantCulture),
            [DeployLabels.Owner] = owner,
            [DeployLabels.Heartbeat] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        var sealedState = key.Seal(JsonSerializer.SerializeToUtf8Bytes(state, DeployJsonContext.Default.AgentState), StatePurpose(name));
        var created = await _swarm.CreateConfigAsync(new NewSwarmObject { Name = $"securelaunch-state-{name}-{sequence}", Data = sealedState, Labels = labels }, cancellationToken);
        await RemoveStatesAsync(name, keep: created.Id, cancellationToken);
        return ToRecord(created with { Labels = labels });
    }

    /// <summary>Removes every state version of a launch but <paramref name="keep"/>.</summary>
    public async Task RemoveStatesAsync(string name, string? keep, CancellationToken cancellationToken)
    {
        foreach (var old in await _swarm.ListConfigsAsync(DeployLabels.OfRole(DeployLabels.StateRole, name), cancellationToken))
        {
            if (old.Id != keep)
            {
                await _swarm.RemoveConfigAsync(old.Id, cancellationToken);
            }
        }
    }

    private static StateRecord ToRecord(SwarmObjectInfo config) => new(
        config.Id,
        config.Labels.GetValueOrDefault(DeployLabels.Name) ?? "",
        config.Labels.GetValueOrDefault(DeployLabels.Launch) ?? "",
        config.Labels.GetValueOrDefault(DeployLabels.SpecHash) ?? "",
        ParseLong(config.Labels.GetValueOrDefault(DeployLabels.Sequence)),
        config.Labels.GetValueOrDefault(DeployLabels.Owner) ?? "",
        DateTimeOffset.FromUnixTimeSeconds(ParseLong(config.Labels.GetValueOrDefault(DeployLabels.Heartbeat))));
}
