using SecureLaunch.Docker;
using SecureLaunch.Docker.Containers;
using SecureLaunch.Docker.Images;
using SecureLaunch.Docker.Networks;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Core.Tests.Swarm;

/// <summary>
/// An engine that reports a given swarm state and image, and records (then refuses) every call that would create,
/// change or remove something: what the checks made before anything is created are tested against.
/// </summary>
internal sealed class RefusingEngines : ISwarmEngine, IContainerEngine
{
    private readonly SwarmStatus _status;
    private readonly ImageDetails _image;

    public RefusingEngines(SwarmStatus status, ImageDetails? image = null)
    {
        _status = status;
        _image = image ?? new ImageDetails { Command = ["sh"], OperatingSystem = "linux" };
    }

    public List<string> Writes { get; } = [];

    public Task<SwarmStatus> GetSwarmStatusAsync(CancellationToken cancellationToken) => Task.FromResult(_status);

    public Task EnsureImageAsync(string image, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PullImageAsync(string image, CancellationToken cancellationToken) => Refuse<bool>($"pull {image}");

    public Task<ImageDetails> InspectImageAsync(string image, CancellationToken cancellationToken) => Task.FromResult(_image);

    public Task<IReadOnlyList<SwarmObjectInfo>> ListSecretsAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) => Empty<SwarmObjectInfo>();

    public Task<IReadOnlyList<SwarmObjectInfo>> ListConfigsAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) => Empty<SwarmObjectInfo>();

    public Task<IReadOnlyList<SwarmServiceInfo>> ListServicesAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) => Empty<SwarmServiceInfo>();

    public Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) => Empty<ContainerSummary>();

    public Task<SwarmObjectInfo> CreateSecretAsync(NewSwarmObject secret, CancellationToken cancellationToken) => Refuse<SwarmObjectInfo>($"create secret {secret.Name}");

    public Task RemoveSecretAsync(string secretId, CancellationToken cancellationToken) => Refuse<bool>($"remove secret {secretId}");

    public Task<SwarmObjectInfo> CreateConfigAsync(NewSwarmObject config, CancellationToken cancellationToken) => Refuse<SwarmObjectInfo>($"create config {config.Name}");

    public Task RemoveConfigAsync(string configId, CancellationToken cancellationToken) => Refuse<bool>($"remove config {configId}");

    public Task<byte[]?> ReadConfigAsync(string configId, CancellationToken cancellationToken) => Refuse<byte[]?>($"read config {configId}");

    public Task<string> CreateServiceAsync(SwarmServiceSpec spec, CancellationToken cancellationToken) => Refuse<string>($"create service {spec.Name}");

    public Task<SwarmServiceInfo> InspectServiceAsync(string serviceId, CancellationToken cancellationToken) => Refuse<SwarmServiceInfo>($"inspect service {serviceId}");

    public Task UpdateServiceAsync(string serviceId, ulong version, SwarmServiceSpec spec, CancellationToken cancellationToken) => Refuse<bool>($"update service {serviceId}");

    public Task RemoveServiceAsync(string serviceId, CancellationToken cancellationToken) => Refuse<bool>($"remove service {serviceId}");

    public Task<IReadOnlyList<SwarmTaskInfo>> ListTasksAsync(string serviceId, CancellationToken cancellationToken) => Empty<SwarmTaskInfo>();

    public Task<SwarmConvergence> WaitForConvergenceAsync(string serviceId, TimeSpan timeout, CancellationToken cancellationToken) => Refuse<SwarmConvergence>($"wait for {serviceId}");

    public Task<ServiceLogStream> StreamServiceLogsAsync(string serviceId, Stream stdout, Stream stderr, CancellationToken cancellationToken) => Refuse<ServiceLogStream>($"logs of {serviceId}");

    public Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken) => Refuse<EngineInfo>("info");

    public Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken) => Refuse<string>($"create container {spec.Name}");

    public Task<ContainerAttachment> AttachAsync(string containerId, Stream stdout, Stream stderr, CancellationToken cancellationToken) => Refuse<ContainerAttachment>("attach");

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken) => Refuse<bool>("start");

    public Task<long> WaitContainerAsync(string containerId, CancellationToken cancellationToken) => Refuse<long>("wait");

    public Task StopContainerAsync(string containerId, TimeSpan grace, CancellationToken cancellationToken) => Refuse<bool>("stop");

    public Task SignalContainerAsync(string containerId, string signal, CancellationToken cancellationToken) => Refuse<bool>("signal");

    public Task<ContainerState> InspectContainerAsync(string containerId, CancellationToken cancellationToken) => Refuse<ContainerState>("inspect container");

    public Task<IReadOnlyList<NetworkSummary>> ListNetworksAsync(CancellationToken cancellationToken) => Empty<NetworkSummary>();

    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken) => Refuse<bool>("remove container");

    public void Dispose()
    {
    }

    private static Task<IReadOnlyList<T>> Empty<T>() => Task.FromResult<IReadOnlyList<T>>([]);

    private Task<T> Refuse<T>(string what)
    {
        lock (Writes)
        {
            Writes.Add(what);
        }

        return Task.FromException<T>(new DockerEngineException($"refused in this test: {what}"));
    }
}
