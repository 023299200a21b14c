using System.Security.Cryptography;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Preflight;
using SecureLaunch.Core.Rotation;
using SecureLaunch.Core.Spec;
using SecureLaunch.Core.Swarm;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Containers;

namespace SecureLaunch.Core.Launching;

/// <summary>
/// One launch, start to end: Vault health and auth, every secret fetched concurrently, containers
/// created with their secrets, output streamed masked, exit codes collected, then everything torn
/// down (containers removed, leases revoked, files deleted) whether it ended well, badly or by signal.
/// </summary>
public sealed class Launcher
{
    private readonly LaunchContext _context;

    public Launcher(LaunchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <summary>Mask applied to container output; holds the launch's current secret values.</summary>
    public SecretMask Mask { get; } = new();

    /// <summary>
    /// Runs <paramref name="spec"/>. Cancelling <paramref name="cancellationToken"/> (SIGINT/SIGTERM) stops the
    /// containers with grace and returns an interrupted outcome after cleanup.
    /// </summary>
    /// <exception cref="LaunchException">The launch could not start; everything it had created is already gone.</exception>
    public async Task<LaunchOutcome> RunAsync(RunSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var logger = _context.Logger;
        await using var session = new LaunchSession(NewLaunchId(), _context.Vault, _context.Docker, logger, _context.StopGrace) { RevokeOnExit = _context.RevokeOnExit };
        session.StartJournal(_context.Journal, spec);
        Log.LaunchStarting(logger, session.LaunchId, spec.Secrets.Count, spec.Containers.Count);
        try
        {
            // Everything Docker can refuse is checked before Vault is asked for anything, so a doomed launch mints nothing.
            var docker = (await DockerPreflight.CheckAsync(spec, _context.Docker, PreflightOptions, cancellationToken)).ThrowIfFailed();
            var connection = await new VaultConnector(_context.Vault, _context.Environment, logger).ConnectAsync(spec.Vault, session, _context.TokenSource, cancellationToken);
            await session.RecoverPredecessorsAsync(cancellationToken);
            var secrets = await new SecretFetcher(_context.Vault, session.Leases, logger).FetchAllAsync(spec.Secrets, cancellationToken);
            Mask.Set(secrets.Values);
            session.RecordSecrets(secrets);
            if (spec.Containers.Any(c => c.Files.Count > 0 || c.HidesEnv))
            {
                session.Files = SecretFileStore.Create(session.LaunchId, _context.SecretFileBases);
            }

            var running = new List<ContainerConsumer>();
            foreach (var container in spec.Containers)
            {
                var request = new RenderRequest
                {
                    Spec = spec,
                    Container = container,
                    LaunchId = session.LaunchId,
                    Secrets = secrets,
                    Files = session.Files,
                    Engine = docker.Engine!,
                    Image = docker.Images[container.Image],
                    InitBinaryPath = _context.InitBinaryPath,
                };
                var rendered = ContainerRenderer.Render(request);
                running.Add(await CreateAsync(session, request, rendered, cancellationToken));
                Log.ContainerCreated(logger, container.Name, rendered.Name, running.Count, spec.Containers.Count);
            }

            // Swarm services (Swarm/SwarmDeployment), deployed once the containers exist. Disposed before the session:
            // services and their Swarm secrets go before the containers are removed and the leases revoked.
            await using var services = spec.Services.Count == 0 ? null
                : await SwarmDeployment.DeployAsync(SwarmDeploymentRequest.For(_context, spec, session.LaunchId, secrets, docker.Engine!, Mask) with { Images = docker.Images }, cancellationToken);
            IEnumerable<IRotationTarget> targets = services is null ? running : [.. running, new SwarmRotationTarget(services, spec, secrets)];

            // Declared after the session, so disposed before it: renewal and rotation stop before the leases are revoked.
            // Started before the containers, which may wait long for their dependencies while the leases must be renewed;
            // rotation acts once every container has started.
            await using var supervisor = new LaunchSupervision(_context, spec, session, secrets, Mask, connection, targets);
            session.FollowLeaseEvents(supervisor.LeaseEvents.Subscribe());
            supervisor.Start();
            if (running.Count == 0 && services is not null)
            {
                // Services only: they run until SIGINT/SIGTERM, then everything is removed.
                supervisor.StartRotation();
                await services.WaitUntilCancelledAsync(cancellationToken);
            }

            return await new ContainerStarter(_context.Docker, logger, _context.TimeProvider).RunAsync(running, supervisor.StartRotation, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new LaunchOutcome(0, Interrupted: true, new Dictionary<string, long>());
        }
    }

    private DockerPreflightOptions PreflightOptions => new()
    {
        InitBinaryPath = _context.InitBinaryPath,
        SecretFileBases = _context.SecretFileBases,
        PullMissing = true,
        AllowPrivileged = _context.AllowPrivileged,
        Swarm = _context.Swarm,
    };

    /// <summary>Creates the container, tracked by the session, with its output attached through the mask; rotation acts on it later.</summary>
    private Task<ContainerConsumer> CreateAsync(LaunchSession session, RenderRequest request, ContainerSpec rendered, CancellationToken cancellationToken) =>
        ContainerConsumer.CreateAsync(
            new ConsumerContext
            {
                Docker = _context.Docker,
                StandardOutput = _context.StandardOutput,
                StandardError = _context.StandardError,
                ContainerOutput = _context.ContainerOutput,
                Mask = Mask,
                Track = session.Track,
                StopGrace = _context.StopGrace,
                Logger = _context.Logger,
            },
            request,
            rendered,
            cancellationToken);

    private static string NewLaunchId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}
