namespace SecureLaunch.Core.Spec;

/// <summary>A validated run spec: immutable, every template parsed, every reference checked. Nothing after validation sees raw configuration.</summary>
public sealed record RunSpec
{
    public required string Source { get; init; }
    public required string Name { get; init; }
    public required VaultSettings Vault { get; init; }

    /// <summary>Secrets in spec order.</summary>
    public required IReadOnlyList<SecretDefinition> Secrets { get; init; }

    /// <summary>Containers in spec order (the exit code is the first non-zero in this order).</summary>
    public required IReadOnlyList<ContainerDefinition> Containers { get; init; }

    /// <summary>The <c>rotation:</c> section: debounce and rate limit of the actions secret changes cause.</summary>
    public RotationSettings Rotation { get; init; } = RotationSettings.Default;

    /// <summary>How <c>securelaunch deploy</c> has Vault make the launch's own token (<c>deploy:</c>).</summary>
    public DeploySettings Deploy { get; init; } = DeploySettings.Default;

    /// <summary>Swarm services in spec order; they need the daemon to be a swarm manager.</summary>
    public IReadOnlyList<ServiceDefinition> Services { get; init; } = [];

    /// <summary>Whether the spec has a <c>dev:</c> section to seed the dev Vault with.</summary>
    public bool HasDevSeed { get; init; }
}
