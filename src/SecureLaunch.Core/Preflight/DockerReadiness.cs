using SecureLaunch.Core.Launching;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Images;

namespace SecureLaunch.Core.Preflight;

/// <summary>What <see cref="DockerPreflight"/> found: every check, and what the launch needs from the daemon.</summary>
public sealed record DockerReadiness
{
    public required IReadOnlyList<PreflightCheck> Checks { get; init; }

    /// <summary>The daemon's capabilities; null when it could not be reached.</summary>
    public EngineInfo? Engine { get; init; }

    /// <summary>Each image present (or pulled) with its defaults, by image reference.</summary>
    public required IReadOnlyDictionary<string, ImageDetails> Images { get; init; }

    public bool Succeeded => Checks.All(c => c.Status is not CheckStatus.Failed);

    /// <summary>Throws a <see cref="LaunchException"/> with the first failure, as <c>run</c> stops on it.</summary>
    public DockerReadiness ThrowIfFailed()
    {
        var failure = Checks.FirstOrDefault(c => c.Status is CheckStatus.Failed);
        return failure is null ? this : throw new LaunchException(failure.Detail);
    }
}
