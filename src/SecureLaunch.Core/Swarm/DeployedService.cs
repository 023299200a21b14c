using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Core.Swarm;

/// <summary>A service SecureLaunch created: its id, the spec it was last given, and its log stream.</summary>
internal sealed class DeployedService
{
    public required ServiceDefinition Definition { get; init; }
    public required string Id { get; init; }

    /// <summary>The whole spec as last sent; an update sends it again with what changed.</summary>
    public required SwarmServiceSpec Spec { get; set; }

    public required MaskingStream Stdout { get; init; }
    public required MaskingStream Stderr { get; init; }
    public ServiceLogStream? Logs { get; set; }
}
