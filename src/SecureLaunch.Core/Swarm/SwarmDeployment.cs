using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Images;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Core.Swarm;

/// <summary>
/// The Swarm services of one launch: each secret a versioned Swarm secret
/// (<c>&lt;launch&gt;_&lt;service&gt;.&lt;entry&gt;_&lt;content hash&gt;</c>), hidden env as one more secret read by
/// SecureLaunch's init (itself a Swarm config), services labelled with the launch, logs streamed through the
/// launch's mask. Rotation swaps a secret for a new version on the same target and removes the old one.
/// Disposal removes the services, then their secrets and configs; it is idempotent and never throws.
/// </summary>
/// <remarks>
/// The hash in a secret's name is an HMAC with a key that lives only in this object, not a plain hash: a plain
/// hash of a short password in <c>docker secret ls</c> could be reversed by guessing.
/// </remarks>
public sealed partial class SwarmDeployment : IAsyncDisposable
{
    private readonly SwarmDeploymentRequest _request;
    private readonly ISwarmEngine _swarm;
    private readonly ILogger _logger;
    private readonly byte[] _hashKey;
    private readonly List<DeployedService> _services = [];
    private readonly Dictionary<string, SecretSlot> _slots = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private SwarmDeployment(SwarmDeploymentRequest request)
    {
        _request = request;
        _swarm = request.Swarm;
        _logger = request.Logger;
        _hashKey = request.HashKey ?? RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>The launch these services belong to.</summary>
    public string LaunchId => _request.LaunchId;

    /// <summary>Every secret of every service, with its current version; what rotation can address.</summary>
    public IReadOnlyList<SwarmSecretSlot> Slots
    {
        get
        {
            lock (_slots)
            {
                return [.. _slots.Values.Select(s => s.Describe())];
            }
        }
    }

    /// <summary>
    /// Creates every service of <see cref="SwarmDeploymentRequest.Spec"/> with its secrets and waits until each
    /// runs its spec on every replica. On failure, what was created is removed before the exception leaves.
    /// </summary>
    /// <exception cref="LaunchException">No swarm mode, isolation this daemon cannot give, a secret Swarm would refuse...: one line, nothing created.</exception>
    /// <exception cref="DockerEngineException">The daemon refused a request, or a service did not converge (<see cref="SwarmConvergenceException"/>).</exception>
    public static async Task<SwarmDeployment> DeployAsync(SwarmDeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Spec.Services.Count == 0)
        {
            throw new ArgumentException("the spec has no services", nameof(request));
        }

        var status = await request.Swarm.GetSwarmStatusAsync(cancellationToken);
        if (!status.CanDeploy)
        {
            throw NotAManager(request.Spec.Services[0], status);
        }

        var deployment = new SwarmDeployment(request);
        var rendered = new List<RenderedService>();
        try
        {
            await RenderAllAsync(request, rendered, cancellationToken);
            var init = rendered.Any(r => r.NeedsInit) ? ReadInit(request, rendered.First(r => r.NeedsInit).Definition) : null;
            var initConfig = init is null ? null : await deployment.CreateInitConfigAsync(init, cancellationToken);
            foreach (var service in rendered)
            {
                await deployment.CreateServiceAsync(service, initConfig, cancellationToken);
            }

            await Task.WhenAll(deployment._services.Select(s => deployment.ConvergeAsync(s, cancellationToken)));
            return deployment;
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
        finally
        {
            rendered.ForEach(r => r.Secrets.ToList().ForEach(s => s.Dispose()));
        }
    }

    /// <summary>Renders every service of the spec into <paramref name="rendered"/> (which the caller disposes), ensuring images it was not given.</summary>
    private static async Task RenderAllAsync(SwarmDeploymentRequest request, List<RenderedService> rendered, CancellationToken cancellationToken)
    {
        var images = new Dictionary<string, ImageDetails>(request.Images, StringComparer.Ordinal);
        foreach (var service in request.Spec.Services)
        {
            if (!images.TryGetValue(service.Image, out var image))
            {
                await request.Docker.EnsureImageAsync(service.Image, cancellationToken);
                images[service.Image] = image = await request.Docker.InspectImageAsync(service.Image, cancellationToken);
            }

            rendered.Add(ServiceRenderer.Render(request, service, image));
        }
    }

    /// <summary>For a launch of services only: returns when <paramref name="cancellationToken"/> is cancelled (SIGINT/SIGTERM), by throwing.</summary>
    public Task WaitUntilCancelledAsync(CancellationToken cancellationToken) =>
        Task.Delay(Timeout.InfiniteTimeSpan, _request.TimeProvider, cancellationToken);

    private async Task CreateServiceAsync(RenderedService rendered, SwarmObjectInfo? initConfig, CancellationToken cancellationToken)
    {
        var (spec, slots) = await PrepareAsync(rendered, initConfig, cancellationToken);
        var id = await _swarm.CreateServiceAsync(spec, cancellationToken);
        await RegisterAsync(rendered, id, spec, slots, cancellationToken);
        Log.ServiceCreated(_logger, rendered.Definition.Name, spec.Name, spec.Image, spec.Replicas, spec.Secrets.Count);
    }

    /// <summary>Creates (or finds) the Swarm secret version of each of the service's secrets, and the spec that mounts them.</summary>
    private async Task<(SwarmServiceSpec Spec, List<(RenderedSecret Secret, SwarmObjectInfo Created, string Hash)> Slots)> PrepareAsync(
        RenderedService rendered, SwarmObjectInfo? initConfig, CancellationToken cancellationToken)
    {
        var references = new List<SwarmFileReference>();
        var slots = new List<(RenderedSecret Secret, SwarmObjectInfo Created, string Hash)>();
        foreach (var secret in rendered.Secrets)
        {
            var (created, hash) = await CreateVersionAsync(secret.Slot, secret.Content, cancellationToken);
            references.Add(new SwarmFileReference(created.Id, created.Name, secret.Target, secret.Uid, secret.Gid, secret.Mode));
            slots.Add((secret, created, hash));
        }

        var spec = rendered.Spec with
        {
            Secrets = references,
            Configs = rendered.NeedsInit && initConfig is not null
                ? [new SwarmFileReference(initConfig.Id, initConfig.Name, HiddenEnvironment.InitPath, 0, 0, ServiceRenderer.InitMode)]
                : [],
        };
        return (spec, slots);
    }

    /// <summary>Records a created, updated or adopted service and its secret slots, and follows its logs through the mask (<see cref="SwarmDeploymentRequest.FollowLogs"/>).</summary>
    private async Task RegisterAsync(
        RenderedService rendered, string id, SwarmServiceSpec spec, List<(RenderedSecret Secret, SwarmObjectInfo Created, string Hash)> slots, CancellationToken cancellationToken)
    {
        var deployed = new DeployedService
        {
            Definition = rendered.Definition,
            Id = id,
            Spec = spec,
            Stdout = new MaskingStream(_request.StandardOutput, _request.Mask),
            Stderr = new MaskingStream(_request.StandardError, _request.Mask),
        };
        lock (_slots)
        {
            _services.Add(deployed);
            foreach (var (secret, created, hash) in slots)
            {
                _slots[secret.Slot] = new SecretSlot
                {
                    Name = secret.Slot, Service = deployed, Target = secret.Target, Location = secret.Location,
                    Template = secret.Template, Current = created, Hash = hash,
                };
            }
        }

        if (_request.FollowLogs)
        {
            deployed.Logs = await _swarm.StreamServiceLogsAsync(id, deployed.Stdout, deployed.Stderr, cancellationToken);
        }
    }

    private async Task ConvergeAsync(DeployedService service, CancellationToken cancellationToken)
    {
        var converged = await _swarm.WaitForConvergenceAsync(service.Id, _request.ConvergenceTimeout, cancellationToken);
        Log.ServiceRunning(_logger, service.Definition.Name, service.Spec.Name, converged.Running.Count);
    }

    /// <summary>Creates the Swarm secret for one version of a slot; the same content again reuses the version that holds it.</summary>
    private async Task<(SwarmObjectInfo Secret, string Hash)> CreateVersionAsync(string slot, byte[] content, CancellationToken cancellationToken)
    {
        var hash = Hash(content);
        var name = SwarmNames.Secret(_request.Spec.Name, LaunchId, slot, hash);
        var labels = SwarmLabels.ForSecret(LaunchId, _request.Spec.Name, slot, hash);
        try
        {
            var created = await _swarm.CreateSecretAsync(new NewSwarmObject { Name = name, Data = content, Labels = labels }, cancellationToken);
            Log.SecretVersionCreated(_logger, slot, name);
            return (created, hash);
        }
        catch (DockerEngineException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // A version with this content exists already (its removal failed earlier): the name says the content is the same.
            var existing = (await _swarm.ListSecretsAsync(labels, cancellationToken)).FirstOrDefault(s => s.Name == name);
            if (existing is null)
            {
                throw;
            }

            return (existing, hash);
        }
    }

    /// <summary>The config holding the init; one with the same content (named by its hash) is reused, as an update in place finds it.</summary>
    private async Task<SwarmObjectInfo> CreateInitConfigAsync(byte[] init, CancellationToken cancellationToken)
    {
        var name = SwarmNames.InitConfig(_request.Spec.Name, LaunchId, Convert.ToHexStringLower(SHA256.HashData(init))[..SwarmNames.HashLength]);
        var labels = SwarmLabels.ForLaunch(LaunchId, _request.Spec.Name);
        try
        {
            var config = await _swarm.CreateConfigAsync(new NewSwarmObject { Name = name, Data = init, Labels = labels }, cancellationToken);
            Log.InitConfigCreated(_logger, name, init.Length);
            return config;
        }
        catch (DockerEngineException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            var existing = (await _swarm.ListConfigsAsync(labels, cancellationToken)).FirstOrDefault(c => c.Name == name);
            if (existing is null)
            {
                throw;
            }

            return existing;
        }
    }

    private static byte[] ReadInit(SwarmDeploymentRequest request, ServiceDefinition service)
    {
        if (!File.Exists(request.InitBinaryPath))
        {
            throw new LaunchException($"{service.Location}: service '{service.Name}': the init that hides env values is missing ({request.InitBinaryPath}); build SecureLaunch on Linux with gcc, or set 'exposure: config' to pass env visibly");
        }

        var init = File.ReadAllBytes(request.InitBinaryPath);
        return init.Length <= SwarmObjectLimits.MaxConfigBytes
            ? init
            : throw new LaunchException($"{service.Location}: service '{service.Name}': the init that hides env values is {init.Length} bytes, more than a Swarm config holds ({SwarmObjectLimits.MaxConfigBytes}); set 'exposure: config'");
    }

    private string Hash(ReadOnlySpan<byte> content) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, content))[..SwarmNames.HashLength];

    /// <summary>Why this daemon cannot deploy services: no swarm mode, or a worker node.</summary>
    internal static LaunchException NotAManager(ServiceDefinition first, SwarmStatus status) => new(
        status.LocalNodeState == "active"
            ? $"{first.Location}: services need a swarm manager, and this daemon is a worker node; point DOCKER_HOST at a manager"
            : $"{first.Location}: services need swarm mode, and this daemon's swarm state is '{status.LocalNodeState}'{(status.Error.Length > 0 ? $" ({status.Error})" : "")}; run 'docker swarm init' (or join a swarm), or move the services under 'containers:'");
}
