using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Docker;

/// <summary>Swarm mode: the node's state. Secrets, configs, services and tasks are in the other <c>Swarm/</c> parts.</summary>
public sealed partial class DockerEngine : ISwarmEngine
{
    /// <inheritdoc/>
    /// <remarks><c>GET /info</c>: 200, 500. Outside a swarm the state is <c>inactive</c>, which is not an error.</remarks>
    public Task<SwarmStatus> GetSwarmStatusAsync(CancellationToken cancellationToken) =>
        CallAsync("read swarm state", async token =>
        {
            var info = await _client.System.GetSystemInfoAsync(token);
            var swarm = info.Swarm;
            return new SwarmStatus
            {
                LocalNodeState = string.IsNullOrEmpty(swarm?.LocalNodeState) ? "inactive" : swarm.LocalNodeState,
                IsManager = swarm?.ControlAvailable ?? false,
                NodeId = swarm?.NodeID ?? "",
                Nodes = swarm?.Nodes,
                Error = swarm?.Error ?? "",
            };
        }, cancellationToken);

    private static Dictionary<string, IDictionary<string, bool>> Filter(string name, string value) =>
        new() { [name] = new Dictionary<string, bool> { [value] = true } };

    private static bool HasLabels(IDictionary<string, string>? actual, IReadOnlyDictionary<string, string> wanted) =>
        wanted.All(w => actual is not null && actual.TryGetValue(w.Key, out var value) && value == w.Value);
}
