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

    public IReadOnlyList<PortDefinition> Ports { get; init; } = [];
    public IReadOnlyList<VolumeDefinition> Volumes { get; init; } = [];

    /// <summary>Network names: the first joined at create, the others before start; empty for Docker's default bridge.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>The user's labels; never one starting with <c>securelaunch.</c>, which are SecureLaunch's own.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public RestartPolicy Restart { get; init; } = RestartPolicy.No;

    /// <summary>A read-only root filesystem; mounts (secret files, the hidden-env init, volumes) still work.</summary>
    public bool ReadOnlyRootFilesystem { get; init; }
    public ContainerPrivileges Privileges { get; init; } = ContainerPrivileges.Default;
    public ContainerResources Resources { get; init; } = ContainerResources.None;

    /// <summary>Replaces the image's healthcheck when not null.</summary>
    public HealthcheckDefinition? Healthcheck { get; init; }
    public PullPolicy Pull { get; init; } = PullPolicy.Missing;

    /// <summary>Containers of the spec this one starts after; the binder has checked the names and that there is no cycle.</summary>
    public IReadOnlyList<ContainerDependency> DependsOn { get; init; } = [];
    public required SourceLocation Location { get; init; }
}
