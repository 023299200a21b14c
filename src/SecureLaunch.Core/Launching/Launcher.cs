using System.Security.Cryptography;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Preflight;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Containers;
using SecureLaunch.Vault.Secrets;

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
            await new VaultConnector(_context.Vault, _context.Environment, logger).ConnectAsync(spec.Vault, session, _context.TokenSource, cancellationToken);
            await session.RecoverPredecessorsAsync(cancellationToken);
            var secrets = await new SecretFetcher(_context.Vault, session.Leases, logger).FetchAllAsync(spec.Secrets, cancellationToken);
            Mask.Set(secrets.Values);
            session.RecordSecrets(secrets);
            if (spec.Containers.Any(c => c.Files.Count > 0 || c.HidesEnv))
            {
                session.Files = SecretFileStore.Create(session.LaunchId, _context.SecretFileBases);
            }

            var running = new List<RunningContainer>();
            foreach (var container in spec.Containers)
            {
                var rendered = ContainerRenderer.Render(new RenderRequest
                {
                    Spec = spec,
                    Container = container,
                    LaunchId = session.LaunchId,
                    Secrets = secrets,
                    Files = session.Files,
                    Engine = docker.Engine!,
                    Image = docker.Images[container.Image],
                    InitBinaryPath = _context.InitBinaryPath,
                });
                running.Add(await CreateAsync(session, container, rendered, cancellationToken));
                Log.ContainerCreated(logger, container.Name, rendered.Name, running.Count, spec.Containers.Count);
            }

            // Declared after the session, so disposed before it: renewal stops before the leases are revoked. Started
            // before the containers, which may wait long for their dependencies while the leases must be renewed.
            await using var supervisor = new LeaseSupervisor(
                _context.Vault, session.Leases, RefetchNotSupportedAsync, new LeaseSupervisorOptions { TimeProvider = _context.TimeProvider }, logger);
            var leaseEvents = new LeaseEventFanOut(supervisor.Events);
            session.FollowLeaseEvents(leaseEvents.Subscribe());
            supervisor.Start();
            return await new ContainerStarter(_context.Docker, logger, _context.TimeProvider).RunAsync(running, cancellationToken);
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
    };

    private async Task<RunningContainer> CreateAsync(LaunchSession session, ContainerDefinition definition, ContainerSpec rendered, CancellationToken cancellationToken)
    {
        var id = await _context.Docker.CreateContainerAsync(rendered, cancellationToken);
        session.Track(rendered.Name, id);
        var output = _context.ContainerOutput;
        var stdout = output is null ? new MaskingStream(_context.StandardOutput, Mask) : new MaskingStream(output.OpenStandardOutput(definition.Name), Mask, leaveOpen: false);
        var stderr = output is null ? new MaskingStream(_context.StandardError, Mask) : new MaskingStream(output.OpenStandardError(definition.Name), Mask, leaveOpen: false);
        var attachment = await _context.Docker.AttachAsync(id, stdout, stderr, cancellationToken);
        var isolation = rendered.Runtime ?? rendered.Isolation ?? "default runtime";
        return new RunningContainer(definition, id, rendered.Name, isolation, attachment, stdout, stderr);
    }

    /// <summary>
    /// Re-issuing a secret to running containers needs the rotation policies (file, signal, restart), which
    /// are not built yet: say so instead of minting a credential no container would use. The current
    /// lease keeps being renewed up to its max TTL.
    /// </summary>
    private static Task<VaultLease?> RefetchNotSupportedAsync(string secret, CancellationToken cancellationToken) =>
        Task.FromException<VaultLease?>(new NotSupportedException(
            $"secret '{secret}' must be re-issued, but rotation to running containers is not implemented yet; they keep the current credentials until the lease's max TTL"));

    private static string NewLaunchId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}
