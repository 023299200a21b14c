namespace SecureLaunch.Core.Spec;

/// <summary>One entry of <c>services:</c>: a replicated Swarm service whose secrets are Swarm secrets, versioned by content.</summary>
public sealed record ServiceDefinition
{
    public required string Name { get; init; }
    public required string Image { get; init; }

    /// <summary>Replaces the image's CMD when not null.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Replaces the image's ENTRYPOINT when not null.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyList<EnvVariable> Env { get; init; } = [];

    /// <summary>How <see cref="Env"/> reaches the tasks: hidden (a Swarm secret read by SecureLaunch's init) unless asked otherwise.</summary>
    public EnvExposure Exposure { get; init; } = EnvExposure.Hidden;

    /// <summary>Whether env values travel as a Swarm secret read by the init, rather than in the service spec.</summary>
    public bool HidesEnv => Exposure == EnvExposure.Hidden && Env.Count > 0;

    /// <summary>Files each task gets, as Swarm secrets.</summary>
    public IReadOnlyList<ServiceSecretDefinition> Secrets { get; init; } = [];

    public int Replicas { get; init; } = 1;

    /// <summary>The user's labels for the service; SecureLaunch adds its own <c>securelaunch.*</c> labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Placement constraints, as <c>docker service create --constraint</c> takes them.</summary>
    public IReadOnlyList<string> Constraints { get; init; } = [];

    /// <summary>How tasks are replaced on update (a rotation is an update); null for Swarm's defaults.</summary>
    public ServiceUpdateSettings? Update { get; init; }

    /// <summary>When Swarm restarts a task; null for Swarm's defaults.</summary>
    public ServiceRestartSettings? Restart { get; init; }

    /// <summary>Services use the daemon's default runtime: <c>sandbox</c> only works where that runtime sandboxes.</summary>
    public IsolationMode Isolation { get; init; } = IsolationMode.Process;

    public string? User { get; init; }
    public string? WorkingDirectory { get; init; }
    public required SourceLocation Location { get; init; }
}
