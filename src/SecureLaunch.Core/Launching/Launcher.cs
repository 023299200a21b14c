using System.Security.Cryptography;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Spec;
using SecureLaunch.Core.Swarm;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Containers;
using SecureLaunch.Docker.Images;
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
        await using var session = new LaunchSession(NewLaunchId(), _context.Vault, _context.Docker, logger, _context.StopGrace);
        try
        {
            await new VaultConnector(_context.Vault, _context.Environment, logger).ConnectAsync(spec.Vault, session, _context.TokenSource, cancellationToken);
            var secrets = await new SecretFetcher(_context.Vault, session.Leases, logger).FetchAllAsync(spec.Secrets, cancellationToken);
            Mask.Set(secrets.Values);
            var engine = await _context.Docker.GetInfoAsync(cancellationToken);
            var images = new Dictionary<string, ImageDetails>(StringComparer.Ordinal);
            foreach (var image in spec.Containers.Select(c => c.Image).Distinct(StringComparer.Ordinal))
            {
                await _context.Docker.EnsureImageAsync(image, cancellationToken);
                images[image] = await _context.Docker.InspectImageAsync(image, cancellationToken);
            }

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
                    Engine = engine,
                    Image = images[container.Image],
                    InitBinaryPath = _context.InitBinaryPath,
                });
                running.Add(await CreateAsync(session, container, rendered, cancellationToken));
            }

            // Swarm services (Swarm/SwarmDeployment), deployed once the containers exist. Disposed before the session:
            // services and their Swarm secrets go before the containers are removed and the leases revoked.
            await using var services = spec.Services.Count == 0 ? null
                : await SwarmDeployment.DeployAsync(SwarmDeploymentRequest.For(_context, spec, session.LaunchId, secrets, engine, Mask), cancellationToken);

            // Declared after the session, so disposed before it: renewal stops before the leases are revoked.
            await using var supervisor = new LeaseSupervisor(
                _context.Vault, session.Leases, RefetchNotSupportedAsync, new LeaseSupervisorOptions { TimeProvider = _context.TimeProvider }, logger);
            foreach (var container in running)
            {
                await _context.Docker.StartContainerAsync(container.Id, cancellationToken);
                Log.ContainerStarted(logger, container.Definition.Name, container.Definition.Image, container.DockerName, container.IsolationText);
            }

            supervisor.Start();
            if (running.Count == 0 && services is not null)
            {
                // Services only: they run until SIGINT/SIGTERM, then everything is removed.
                await services.WaitUntilCancelledAsync(cancellationToken);
            }

            return await WaitAllAsync(running, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new LaunchOutcome(0, Interrupted: true, new Dictionary<string, long>());
        }
    }

    private async Task<RunningContainer> CreateAsync(LaunchSession session, ContainerDefinition definition, ContainerSpec rendered, CancellationToken cancellationToken)
    {
        var id = await _context.Docker.CreateContainerAsync(rendered, cancellationToken);
        session.Track(rendered.Name, id);
        var stdout = new MaskingStream(_context.StandardOutput, Mask);
        var stderr = new MaskingStream(_context.StandardError, Mask);
        var attachment = await _context.Docker.AttachAsync(id, stdout, stderr, cancellationToken);
        var isolation = rendered.Runtime ?? rendered.Isolation ?? "default runtime";
        return new RunningContainer(definition, id, rendered.Name, isolation, attachment, stdout, stderr);
    }

    private async Task<LaunchOutcome> WaitAllAsync(List<RunningContainer> running, CancellationToken cancellationToken)
    {
        var codes = new Dictionary<string, long>(StringComparer.Ordinal);
        var waits = running.Select(async c =>
        {
            var code = await _context.Docker.WaitContainerAsync(c.Id, cancellationToken);
            await c.Attachment.Completion.WaitAsync(cancellationToken);
            c.Stdout.Complete();
            c.Stderr.Complete();
            Log.ContainerExited(_context.Logger, c.Definition.Name, code);
            return (c.Definition.Name, code);
        }).ToArray();
        foreach (var (name, code) in await Task.WhenAll(waits))
        {
            codes[name] = code;
        }

        var first = running.Select(c => codes[c.Definition.Name]).FirstOrDefault(code => code != 0);
        return new LaunchOutcome(checked((int)first), Interrupted: false, codes);
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

    private sealed record RunningContainer(
        ContainerDefinition Definition, string Id, string DockerName, string IsolationText,
        ContainerAttachment Attachment, MaskingStream Stdout, MaskingStream Stderr);
}
