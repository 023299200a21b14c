using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using SecureLaunch.Docker.Swarm;
using SecureLaunch.Docker;

namespace SecureLaunch.Core.Deploy;

/// <summary>
/// What deploy and the agent keep in the cluster itself, as Swarm configs: the agent's public key, sealed hand-offs,
/// the agent's answers, and each launch's sealed state. Configs are readable through the Docker API (unlike secrets),
/// so everything that matters in them is sealed to the agent's key; their labels carry nothing secret.
/// </summary>
public sealed partial class ClusterStore
{
    private const int MaxReasonLength = 400;
    private readonly ISwarmEngine _swarm;
    private readonly TimeProvider _time;

    public ClusterStore(ISwarmEngine swarm, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(swarm);
        ArgumentNullException.ThrowIfNull(time);
        _swarm = swarm;
        _time = time;
    }

    /// <summary>Publishes the agent's public key; an existing config for the same key is kept.</summary>
    public async Task PublishKeyAsync(AgentKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var existing = await _swarm.ListConfigsAsync(DeployLabels.OfRole(DeployLabels.AgentKeyRole), cancellationToken);
        if (existing.Any(c => c.Labels.GetValueOrDefault(DeployLabels.KeyFingerprint) == key.Fingerprint))
        {
            return;
        }

        // A key whose private half is gone can open nothing: only one agent key may be published.
        foreach (var stale in existing)
        {
            await _swarm.RemoveConfigAsync(stale.Id, cancellationToken);
        }

        await _swarm.CreateConfigAsync(
            new NewSwarmObject
            {
                Name = $"securelaunch-agent-key-{key.Fingerprint}",
                Data = key.PublicKey,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [DeployLabels.Role] = DeployLabels.AgentKeyRole, [DeployLabels.KeyFingerprint] = key.Fingerprint },
            },
            cancellationToken);
    }

    /// <summary>The agent's public key (SubjectPublicKeyInfo), or null when no agent was installed in this swarm.</summary>
    /// <exception cref="InvalidOperationException">More than one agent key is published: hand-offs would not know whom to trust.</exception>
    public async Task<byte[]?> FindAgentKeyAsync(CancellationToken cancellationToken)
    {
        var keys = await _swarm.ListConfigsAsync(DeployLabels.OfRole(DeployLabels.AgentKeyRole), cancellationToken);
        if (keys.Count > 1)
        {
            throw new InvalidOperationException($"{keys.Count} agent keys are published ({string.Join(", ", keys.Select(k => k.Name))}); remove all but the installed agent's");
        }

        if (keys.Count == 0)
        {
            return null;
        }

        var data = await _swarm.ReadConfigAsync(keys[0].Id, cancellationToken);
        return data is null || AgentKey.FingerprintOf(data) != keys[0].Labels.GetValueOrDefault(DeployLabels.KeyFingerprint)
            ? throw new CryptographicException($"the agent key config {keys[0].Name} does not hold the key its label names")
            : data;
    }

    /// <summary>Seals <paramref name="handoff"/> to the agent's key and leaves it for the agent; returns the config's id.</summary>
    public async Task<string> PutHandoffAsync(Handoff handoff, byte[] agentKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var sealedBox = SealedBox.Seal(agentKey, JsonSerializer.SerializeToUtf8Bytes(handoff, DeployJsonContext.Default.Handoff), HandoffPurpose(handoff.Name));
        var created = await _swarm.CreateConfigAsync(
            new NewSwarmObject
            {
                Name = $"securelaunch-handoff-{handoff.Name}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}",
                Data = sealedBox,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [DeployLabels.Role] = DeployLabels.HandoffRole,
                    [DeployLabels.Name] = handoff.Name,
                    [DeployLabels.Kind] = handoff.Kind.ToString().ToLowerInvariant(),
                    [DeployLabels.SpecHash] = handoff.SpecHash,
                },
            },
            cancellationToken);
        return created.Id;
    }

    /// <summary>
    /// The waiting hand-offs and the newest state of every launch, from one listing of the swarm's configs: the daemon
    /// sends every config whole (data included, such as the init's), so the agent reads them once per cycle.
    /// </summary>
    public async Task<ClusterSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var configs = await _swarm.ListConfigsAsync(new Dictionary<string, string>(), cancellationToken);
        return new ClusterSnapshot(
            [.. configs.Where(c => RoleOf(c) == DeployLabels.HandoffRole).OrderBy(h => h.Name, StringComparer.Ordinal)],
            [.. configs.Where(c => RoleOf(c) == DeployLabels.StateRole).Select(ToRecord)
                .GroupBy(r => r.Name, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.Sequence)!).OrderBy(r => r.Name, StringComparer.Ordinal)]);
    }

    /// <summary>Hand-offs waiting, in name order.</summary>
    public async Task<IReadOnlyList<SwarmObjectInfo>> ListHandoffsAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken)).Handoffs;

    /// <summary>Whether the hand-off is still waiting (the agent has not taken it yet).</summary>
    public async Task<bool> IsWaitingAsync(string handoffId, CancellationToken cancellationToken) =>
        (await ListHandoffsAsync(cancellationToken)).Any(h => h.Id == handoffId);

    /// <summary>Opens a hand-off with the agent's key.</summary>
    /// <exception cref="CryptographicException">Sealed to another key, or altered.</exception>
    /// <exception cref="JsonException">Not a hand-off.</exception>
    public async Task<Handoff?> OpenHandoffAsync(SwarmObjectInfo handoff, AgentKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(key);
        var data = await _swarm.ReadConfigAsync(handoff.Id, cancellationToken);
        if (data is null)
        {
            return null;
        }

        var name = handoff.Labels.GetValueOrDefault(DeployLabels.Name) ?? "";
        var opened = JsonSerializer.Deserialize(key.Open(data, HandoffPurpose(name)), DeployJsonContext.Default.Handoff)
            ?? throw new JsonException("empty hand-off");
        return opened.Name == name ? opened : throw new CryptographicException($"hand-off for '{opened.Name}' is labelled '{name}'");
    }

    public Task RemoveAsync(string configId, CancellationToken cancellationToken) => _swarm.RemoveConfigAsync(configId, cancellationToken);

    /// <summary>Answers a hand-off; <c>deploy</c> reads the answer and removes it.</summary>
    public Task PutResultAsync(string handoffId, string name, HandoffResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var reason = result.Reason.ReplaceLineEndings(" ");
        return _swarm.CreateConfigAsync(
            new NewSwarmObject
            {
                Name = $"securelaunch-result-{handoffId[..Math.Min(12, handoffId.Length)]}",
                Data = "securelaunch result"u8.ToArray(),
                Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [DeployLabels.Role] = DeployLabels.ResultRole,
                    [DeployLabels.Name] = name,
                    [DeployLabels.Handoff] = handoffId,
                    [DeployLabels.Status] = result.Status,
                    [DeployLabels.Reason] = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] + "..." : reason,
                },
            },
            cancellationToken);
    }

    /// <summary>The agent's answer to a hand-off, removed once read; null while there is none.</summary>
    public async Task<HandoffResult?> TakeResultAsync(string handoffId, CancellationToken cancellationToken)
    {
        var results = await _swarm.ListConfigsAsync(
            new Dictionary<string, string>(StringComparer.Ordinal) { [DeployLabels.Role] = DeployLabels.ResultRole, [DeployLabels.Handoff] = handoffId },
            cancellationToken);
        if (results.Count == 0)
        {
            return null;
        }

        await _swarm.RemoveConfigAsync(results[0].Id, cancellationToken);
        return new HandoffResult(results[0].Labels.GetValueOrDefault(DeployLabels.Status) ?? HandoffResult.Failed, results[0].Labels.GetValueOrDefault(DeployLabels.Reason) ?? "");
    }

    private static string? RoleOf(SwarmObjectInfo config) => config.Labels.GetValueOrDefault(DeployLabels.Role);

    private static string HandoffPurpose(string name) => $"handoff:{name}";

    private static string StatePurpose(string name) => $"state:{name}";

    private static long ParseLong(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
