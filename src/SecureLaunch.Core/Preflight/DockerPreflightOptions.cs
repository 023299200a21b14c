namespace SecureLaunch.Core.Preflight;

/// <summary>What <see cref="DockerPreflight"/> needs besides the spec and the engine.</summary>
public sealed record DockerPreflightOptions
{
    /// <summary>The static init that hides env values, on the host.</summary>
    public required string InitBinaryPath { get; init; }

    /// <summary>Candidate tmpfs directories for secret files, in order.</summary>
    public required IReadOnlyList<string> SecretFileBases { get; init; }

    /// <summary>Pull images that are missing (<c>run</c>); when false (<c>plan</c>) a missing image is only reported.</summary>
    public bool PullMissing { get; init; } = true;

    /// <summary>
    /// Whether containers may ask for <c>privileged: true</c>, capabilities beyond Docker's defaults, or a
    /// <c>security_opt</c> that loosens confinement (<c>run --allow-privileged</c>).
    /// </summary>
    public bool AllowPrivileged { get; init; }

    /// <summary>The engine that will deploy the spec's <c>services:</c> (the launch's, so both ask the same daemon); null when there is none.</summary>
    public Docker.ISwarmEngine? Swarm { get; init; }
}
