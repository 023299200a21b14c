using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;

namespace SecureLaunch.Core.Swarm;

/// <summary>Everything <see cref="SwarmDeployment.DeployAsync"/> needs for the services of one launch.</summary>
public sealed record SwarmDeploymentRequest
{
    public required RunSpec Spec { get; init; }
    public required string LaunchId { get; init; }

    /// <summary>The launch's fetched secrets, which service secrets and env render from.</summary>
    public required SecretSet Secrets { get; init; }

    /// <summary>What the daemon said of itself (OS, default runtime), for isolation.</summary>
    public required EngineInfo Engine { get; init; }

    public required ISwarmEngine Swarm { get; init; }

    /// <summary>For images (ensure, inspect) and to see tasks' containers gone on this node at cleanup.</summary>
    public required IContainerEngine Docker { get; init; }

    /// <summary>Images already made present and inspected (by the launch's preflight); the others are ensured here.</summary>
    public IReadOnlyDictionary<string, Docker.Images.ImageDetails> Images { get; init; } = new Dictionary<string, Docker.Images.ImageDetails>();

    /// <summary>Service logs go through <see cref="MaskingStream"/>s with this mask, like container output.</summary>
    public required SecretMask Mask { get; init; }

    /// <summary>
    /// Whether the services' logs are streamed to <see cref="StandardOutput"/> and <see cref="StandardError"/>; the agent,
    /// whose services outlive any terminal, leaves them to <c>docker service logs</c>.
    /// </summary>
    public bool FollowLogs { get; init; } = true;

    public required Stream StandardOutput { get; init; }
    public required Stream StandardError { get; init; }
    public required ILogger Logger { get; init; }
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The static init that sets hidden env; it reaches tasks as a Swarm config.</summary>
    public required string InitBinaryPath { get; init; }

    /// <summary>Time a task gets between its stop signal and SIGKILL (the service's stop grace period).</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The key of the keyed hash in secret version names. A launch that outlives this process (the agent's) keeps it in
    /// its sealed state, so a version with the same content keeps its name; null for a fresh random key.
    /// </summary>
    public byte[]? HashKey { get; init; }

    /// <summary>How long every replica may take to run the current spec, at deploy and at each rotation.</summary>
    public TimeSpan ConvergenceTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The request for a launch run by <see cref="Launcher"/>: its engines, streams, logger, clock and stop grace.</summary>
    /// <exception cref="LaunchException">The context has no Swarm engine.</exception>
    public static SwarmDeploymentRequest For(LaunchContext context, RunSpec spec, string launchId, SecretSet secrets, EngineInfo engine, SecretMask mask)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SwarmDeploymentRequest
        {
            Spec = spec,
            LaunchId = launchId,
            Secrets = secrets,
            Engine = engine,
            Swarm = context.Swarm ?? throw new LaunchException("the spec has services, but this launch was given no Swarm engine"),
            Docker = context.Docker,
            Mask = mask,
            StandardOutput = context.StandardOutput,
            StandardError = context.StandardError,
            Logger = context.Logger,
            TimeProvider = context.TimeProvider,
            InitBinaryPath = context.InitBinaryPath,
            StopGrace = context.StopGrace,
        };
    }
}
