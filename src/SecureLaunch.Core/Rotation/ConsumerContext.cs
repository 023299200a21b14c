using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Docker;

namespace SecureLaunch.Core.Rotation;

/// <summary>What every <see cref="ContainerConsumer"/> of a launch shares.</summary>
public sealed record ConsumerContext
{
    public required IContainerEngine Docker { get; init; }

    /// <summary>Container stdout goes here, through <see cref="Mask"/>.</summary>
    public required Stream StandardOutput { get; init; }

    /// <summary>Container stderr goes here, through <see cref="Mask"/>.</summary>
    public required Stream StandardError { get; init; }

    /// <summary>When set, each container's output goes to its own streams from here (JSON events, the terminal) instead.</summary>
    public Launching.IContainerOutput? ContainerOutput { get; init; }

    public required SecretMask Mask { get; init; }

    /// <summary>Records a container created (also on a re-creation) so that the launch removes it whatever happens.</summary>
    public required Action<string, string> Track { get; init; }

    /// <summary>Time a container gets between SIGTERM and SIGKILL when rotation restarts it.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    public required ILogger Logger { get; init; }
}
