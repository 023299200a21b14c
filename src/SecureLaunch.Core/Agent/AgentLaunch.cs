using System.Security.Cryptography;
using SecureLaunch.Core.Deploy;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Preflight;
using SecureLaunch.Core.Spec;
using SecureLaunch.Core.Swarm;
using SecureLaunch.Vault;
using SecureLaunch.Vault.Secrets;

namespace SecureLaunch.Core.Agent;

/// <summary>
/// One launch the agent keeps alive: its own Vault token and client, its leases (renewed and rotated by the same
/// <see cref="LaunchSupervision"/> as <c>run</c>), its Swarm services. Disposal lets go of it and leaves everything
/// running for the next owner; <see cref="UndeployAsync"/> removes it and revokes its leases and token.
/// </summary>
internal sealed partial class AgentLaunch : IAsyncDisposable
{
    /// <summary>Time a task gets between its stop signal and SIGKILL, as for <c>run</c>'s default.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly AgentOptions _options;
    private readonly IVaultClient _vault;
    private readonly LaunchSession _session;
    private readonly SecretMask _mask = new();
    private readonly byte[] _hashKey;
    private readonly string _token;
    private SecretSet _secrets = new();
    private SwarmDeployment? _services;
    private LaunchSupervision? _supervision;
    private int _disposed;

    private AgentLaunch(AgentOptions options, string name, RunSpec spec, AgentStateSeed seed)
    {
        _options = options;
        Name = name;
        Spec = spec;
        SpecHash = seed.SpecHash;
        Values = seed.Values;
        Source = seed.Source;
        _token = seed.Token;
        _hashKey = seed.HashKey;
        _vault = options.VaultFactory();
        _vault.SetToken(seed.Token);
        _session = new LaunchSession(seed.LaunchId, _vault, options.Docker, options.Logger, StopGrace)
        {
            RevokeOnExit = false,
            CreatedToken = true,
            TokenAccessor = seed.TokenAccessor,
        };
    }

    public string Name { get; }
    public RunSpec Spec { get; }
    public string SpecHash { get; }
    public IReadOnlyDictionary<string, string> Values { get; }
    public string Source { get; }
    public string LaunchId => _session.LaunchId;

    /// <summary>The newest state version written for this launch.</summary>
    public StateRecord? Record { get; set; }

    /// <summary>What <see cref="Fingerprint"/> was when the state was last written.</summary>
    public string? WrittenFingerprint { get; set; }

    /// <summary>
    /// Starts a launch from a hand-off with the launch token it unwrapped: fetches the secrets with that token, deploys
    /// the services and starts renewal and rotation. On failure everything it created is removed, its leases and the
    /// token revoked, before the exception leaves.
    /// </summary>
    public static async Task<AgentLaunch> DeployAsync(AgentOptions options, Handoff handoff, RunSpec spec, string token, string accessor, CancellationToken cancellationToken)
    {
        var launch = new AgentLaunch(options, handoff.Name, spec, new AgentStateSeed(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)), handoff.SpecHash, handoff.Spec, handoff.Source, token, accessor, RandomNumberGenerator.GetBytes(32)));
        try
        {
            var docker = await launch.FetchAsync(cancellationToken);
            launch._services = await SwarmDeployment.DeployAsync(launch.Request(docker), cancellationToken);
            await launch.SuperviseAsync(cancellationToken);
            return launch;
        }
        catch
        {
            await launch.UndeployAsync();
            throw;
        }
    }

    /// <summary>Takes a launch over from its stored state: adopts its services and goes on renewing its leases. Mints nothing.</summary>
    public static async Task<AgentLaunch> ResumeAsync(AgentOptions options, string name, AgentState state, RunSpec spec, CancellationToken cancellationToken)
    {
        var launch = new AgentLaunch(options, name, spec, new AgentStateSeed(state.LaunchId, state.SpecHash, state.Spec, state.Source, state.Token, state.TokenAccessor, state.HashKey));
        try
        {
            foreach (var stored in state.Secrets)
            {
                var definition = spec.Secrets.FirstOrDefault(s => s.Name == stored.Name);
                if (definition is null)
                {
                    continue;
                }

                var lease = stored.Lease is { } l ? new VaultLease(l.LeaseId, TimeSpan.FromSeconds(l.DurationSeconds), l.Renewable, l.ObtainedAt) : null;
                launch._secrets.Add(definition, new VaultSecret { Path = stored.Path, Data = stored.Data, Lease = lease, KvVersion = stored.KvVersion, Version = stored.Version });
                if (lease is not null)
                {
                    launch._session.Leases.Record(stored.Name, lease);
                }
            }

            launch._mask.Set(launch._secrets.Values);
            var docker = await PreflightAsync(options, spec, cancellationToken);
            launch._services = await SwarmDeployment.AdoptAsync(launch.Request(docker), cancellationToken);
            await launch.SuperviseAsync(cancellationToken);
            return launch;
        }
        catch
        {
            await launch.DisposeAsync();
            throw;
        }
    }

    /// <summary>Removes the services, their secrets and configs, then revokes the leases and the launch token. Never throws.</summary>
    public async Task UndeployAsync()
    {
        if (_supervision is not null)
        {
            await _supervision.DisposeAsync();
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _session.RevokeOnExit = true;
        await DisposeAsync();
    }

    /// <summary>Lets go: renewal stops, the services keep running, nothing is revoked. Idempotent; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_supervision is not null)
        {
            await _supervision.DisposeAsync();
        }

        if (_services is not null)
        {
            await _services.DetachAsync();
        }

        await _session.DisposeAsync();
        _vault.Dispose();
    }

    /// <summary>Checks what Docker must give the services, then fetches every secret with this launch's token (minting its leases).</summary>
    private async Task<DockerReadiness> FetchAsync(CancellationToken cancellationToken)
    {
        var docker = await PreflightAsync(_options, Spec, cancellationToken);
        _secrets = await new SecretFetcher(_vault, _session.Leases, _options.Logger).FetchAllAsync(Spec.Secrets, cancellationToken);
        _mask.Set(_secrets.Values);
        return docker;
    }

    private static async Task<DockerReadiness> PreflightAsync(AgentOptions options, RunSpec spec, CancellationToken cancellationToken) =>
        (await DockerPreflight.CheckAsync(spec, options.Docker, new DockerPreflightOptions
        {
            InitBinaryPath = options.InitBinaryPath,
            SecretFileBases = [],
            PullMissing = false,
            Swarm = options.Swarm,
        }, cancellationToken)).ThrowIfFailed();

    private SwarmDeploymentRequest Request(DockerReadiness docker) => new()
    {
        Spec = Spec,
        LaunchId = LaunchId,
        Secrets = _secrets,
        Engine = docker.Engine!,
        Swarm = _options.Swarm,
        Docker = _options.Docker,
        Images = docker.Images,
        Mask = _mask,
        FollowLogs = false,
        StandardOutput = Stream.Null,
        StandardError = Stream.Null,
        Logger = _options.Logger,
        TimeProvider = _options.TimeProvider,
        InitBinaryPath = _options.InitBinaryPath,
        StopGrace = StopGrace,
        ConvergenceTimeout = _options.ConvergenceTimeout,
        HashKey = _hashKey,
    };

    /// <summary>Where a launch's identity comes from: a hand-off, or stored state.</summary>
    private sealed record AgentStateSeed(string LaunchId, string SpecHash, IReadOnlyDictionary<string, string> Values, string Source, string Token, string TokenAccessor, byte[] HashKey);
}
