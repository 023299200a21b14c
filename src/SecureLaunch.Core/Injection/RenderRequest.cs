using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Images;

namespace SecureLaunch.Core.Injection;

/// <summary>Everything <see cref="ContainerRenderer"/> needs for one container.</summary>
public sealed record RenderRequest
{
    public required RunSpec Spec { get; init; }
    public required ContainerDefinition Container { get; init; }
    public required string LaunchId { get; init; }
    public required SecretSet Secrets { get; init; }

    /// <summary>The launch's tmpfs directory; null when no container has files or hidden env.</summary>
    public SecretFileStore? Files { get; init; }
    public required EngineInfo Engine { get; init; }

    /// <summary>The image's defaults, which the hidden-env init must run in the image's place.</summary>
    public required ImageDetails Image { get; init; }

    /// <summary>The static init binary on the host (<see cref="HiddenEnvironment.InitRelativePath"/> beside SecureLaunch).</summary>
    public required string InitBinaryPath { get; init; }
}
