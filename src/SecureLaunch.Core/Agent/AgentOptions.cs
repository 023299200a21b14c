using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Deploy;
using SecureLaunch.Core.Host;
using SecureLaunch.Docker;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Agent;

/// <summary>What the agent runs against, wired by the composition root.</summary>
public sealed record AgentOptions
{
    /// <summary>The agent's key: opens hand-offs, seals and opens launch state.</summary>
    public required AgentKey Key { get; init; }

    public required ISwarmEngine Swarm { get; init; }
    public required IContainerEngine Docker { get; init; }

    /// <summary>A new Vault client without a token, for one launch (each launch has its own token).</summary>
    public required Func<IVaultClient> VaultFactory { get; init; }

    public required ILogger Logger { get; init; }
    public required ISystemEnvironment Environment { get; init; }
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>This agent instance (its Swarm task id when it runs as a service); written as the owner of the launches it keeps.</summary>
    public required string Owner { get; init; }

    /// <summary>The static init that hides env values; it reaches tasks as a Swarm config.</summary>
    public required string InitBinaryPath { get; init; }

    /// <summary>How often hand-offs are looked for and state changes written.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a launch's state is written even when nothing changed, to show its owner is alive.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long every replica may take to run the current spec, at deploy and at each rotation.</summary>
    public TimeSpan ConvergenceTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A launch whose owner wrote nothing for this long is taken over, even if its task still seems to run.</summary>
    public TimeSpan StaleAfter => HeartbeatInterval * 3;
}
