using Docker.DotNet;
using Docker.DotNet.Models;

namespace SecureLaunch.IntegrationTests.Swarm;

/// <summary>
/// The services and secrets one test creates on the cluster, under names unique to it, removed when it ends; nodes it
/// drained are made active again. Swarm calls go through Docker.DotNet: our Docker layer has no Swarm operations.
/// </summary>
internal sealed class SwarmScope : IAsyncDisposable
{
    /// <summary>A hang guard while the cluster converges, not a timing assertion.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly DockerClient _client;
    private readonly List<string> _services = [];
    private readonly List<string> _secrets = [];
    private readonly List<string> _drained = [];

    public SwarmScope(SwarmCluster cluster)
    {
        cluster.Require();
        _client = cluster.Client;
        Prefix = $"slc-it-{Guid.NewGuid():N}"[..15];
    }

    /// <summary>The start of every name this scope gives.</summary>
    public string Prefix { get; }

    /// <summary>A Swarm secret; returns its id and its full name.</summary>
    public async Task<(string Id, string Name)> CreateSecretAsync(string name, byte[] data)
    {
        var fullName = $"{Prefix}-{name}";
        var created = await _client.Secrets.CreateAsync(
            new SwarmSecretSpec { Name = fullName, Data = data }, TestContext.Current.CancellationToken);
        var id = created.ID ?? throw new InvalidOperationException("the secret was created without an id");
        _secrets.Add(id);
        return (id, fullName);
    }

    /// <summary>A replicated service with one replica, running <paramref name="container"/>.</summary>
    public Task<string> CreateServiceAsync(string name, ContainerSpec container, SwarmRestartPolicy restart, params string[] constraints) =>
        CreateServiceAsync(name, container, restart, [], constraints);

    /// <summary>The same, attached to <paramref name="networks"/> (<c>host</c>: the node's own network stack).</summary>
    public async Task<string> CreateServiceAsync(
        string name, ContainerSpec container, SwarmRestartPolicy restart, IList<string> networks, params string[] constraints)
    {
        var created = await _client.Swarm.CreateServiceAsync(new ServiceCreateParameters
        {
            Service = new ServiceSpec
            {
                Name = $"{Prefix}-{name}",
                TaskTemplate = new TaskSpec
                {
                    ContainerSpec = container,
                    RestartPolicy = restart,
                    Placement = new Placement { Constraints = constraints },
                    Networks = networks.Count == 0 ? null : networks.Select(n => new NetworkAttachmentConfig { Target = n }).ToList(),
                },
                Mode = new ServiceMode { Replicated = new ReplicatedService { Replicas = 1 } },
            },
        }, TestContext.Current.CancellationToken);
        var id = created.ID ?? throw new InvalidOperationException("the service was created without an id");
        _services.Add(id);
        return id;
    }

    public async Task<IReadOnlyList<SwarmTask>> TasksAsync(string serviceId) =>
        (await _client.Tasks.ListAsync(new TasksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["service"] = new Dictionary<string, bool> { [serviceId] = true } },
        }, TestContext.Current.CancellationToken)).Select(SwarmTask.From).ToList();

    /// <summary>Polls the service's tasks until one is as <paramref name="pick"/> wants; fails with every task's state when it never does.</summary>
    public async Task<SwarmTask> WaitForTaskAsync(string serviceId, Func<SwarmTask, bool> pick, string what)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);
        IReadOnlyList<SwarmTask> tasks = [];
        try
        {
            while (true)
            {
                tasks = await TasksAsync(serviceId);
                if (tasks.FirstOrDefault(pick) is { } task)
                {
                    return task;
                }

                await Task.Delay(250, patience.Token);
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no {what} within {Patience.TotalSeconds:0} s; tasks: {string.Join("; ", tasks)}");
        }
    }

    /// <summary>Sets a node's availability (<c>active</c>, <c>pause</c>, <c>drain</c>); a drained node is made active again at the end.</summary>
    public async Task SetAvailabilityAsync(string nodeId, string availability)
    {
        var node = await _client.Swarm.InspectNodeAsync(nodeId, TestContext.Current.CancellationToken);
        // The update replaces the whole node spec: role and labels are carried over.
        await _client.Swarm.UpdateNodeAsync(nodeId, node.Version?.Index ?? 0, new NodeUpdateParameters
        {
            Name = node.Spec?.Name,
            Labels = node.Spec?.Labels ?? new Dictionary<string, string>(),
            Role = node.Spec?.Role,
            Availability = availability,
        }, TestContext.Current.CancellationToken);
        if (availability != "active" && !_drained.Contains(nodeId))
        {
            _drained.Add(nodeId);
        }
    }

    /// <summary>Node ids to hostnames (<c>slc-worker1</c> ...).</summary>
    public async Task<IReadOnlyDictionary<string, string>> HostnamesAsync() =>
        (await _client.Swarm.ListNodesAsync(TestContext.Current.CancellationToken)).ToDictionary(n => n.ID ?? "", n => n.Description?.Hostname ?? "");

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _drained)
        {
            await SetAvailabilityAsync(node, "active");
        }

        foreach (var service in _services)
        {
            await _client.Swarm.RemoveServiceAsync(service, CancellationToken.None);
        }

        foreach (var secret in _secrets)
        {
            await _client.Secrets.DeleteAsync(secret, CancellationToken.None);
        }
    }
}
