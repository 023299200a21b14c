using SecureLaunch.Core.Spec;
using SecureLaunch.Core.Templates;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Core.Swarm;

/// <summary>The live state of one secret of a deployed service: which Swarm secret holds its current version.</summary>
internal sealed class SecretSlot
{
    public required string Name { get; init; }
    public required DeployedService Service { get; init; }
    public required string Target { get; init; }
    public required SourceLocation Location { get; init; }

    /// <summary>Null for the hidden env file, which renders from the service's env.</summary>
    public Template? Template { get; init; }

    public required SwarmObjectInfo Current { get; set; }

    /// <summary>The keyed hash of the current content (never the content).</summary>
    public required string Hash { get; set; }

    public SwarmSecretSlot Describe() => new(
        Name,
        Service.Definition.Name,
        Target,
        Current.Name,
        [.. (Template is null ? Service.Definition.Env.SelectMany(e => e.Value.References) : Template.References)
            .Select(r => r.Secret).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
}
