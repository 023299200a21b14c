namespace SecureLaunch.Core.Spec;

/// <summary>One entry of <c>containers:</c>.</summary>
public sealed record ContainerDefinition
{
    public required string Name { get; init; }
    public required string Image { get; init; }
    public IReadOnlyList<string>? Command { get; init; }
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public IReadOnlyList<EnvVariable> Env { get; init; } = [];
    public IReadOnlyList<FileDefinition> Files { get; init; } = [];
    public IsolationMode Isolation { get; init; } = IsolationMode.Process;

    /// <summary>How <see cref="Env"/> reaches the container: hidden from <c>docker inspect</c> unless asked otherwise.</summary>
    public EnvExposure Exposure { get; init; } = EnvExposure.Hidden;

    /// <summary>Whether env values go through the hidden-env file (and so the launch's tmpfs directory).</summary>
    public bool HidesEnv => Exposure == EnvExposure.Hidden && Env.Count > 0;

    /// <summary>An explicit OCI runtime, overriding what <see cref="Isolation"/> would choose.</summary>
    public string? Runtime { get; init; }
    public string? User { get; init; }
    public string? WorkingDirectory { get; init; }
    public required SourceLocation Location { get; init; }
}
