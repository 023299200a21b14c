using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Rotation;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Swarm;

/// <summary>
/// The launch's Swarm services as one rotation target. Swarm secrets are immutable, so every action but <c>none</c> is
/// the same rolling update: new versioned Swarm secrets for the slots whose content changed, a service update per
/// service that uses them, convergence, then the old versions removed (<see cref="SwarmDeployment.RefreshAsync"/>).
/// One target, not one per service: a refresh renders every slot from the launch's current secrets at once.
/// </summary>
internal sealed class SwarmRotationTarget : IRotationTarget
{
    private readonly SwarmDeployment _deployment;
    private readonly SecretSet _secrets;

    /// <param name="deployment">The deployed services.</param>
    /// <param name="spec">The services, for the secrets each uses, and the secrets' <c>rotate:</c> (only <c>none</c> counts here).</param>
    /// <param name="secrets">The launch's secrets; rotation updates them in place before acting.</param>
    public SwarmRotationTarget(SwarmDeployment deployment, RunSpec spec, SecretSet secrets)
    {
        var unwanted = spec.Secrets.Where(s => s.Rotate?.Kind == RotationKind.None).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        _deployment = deployment;
        _secrets = secrets;
        Uses = spec.Services
            .SelectMany(s => s.Env.Select(v => v.Value).Concat(s.Secrets.Select(x => x.Content)))
            .SelectMany(t => t.References)
            .Select(r => r.Secret)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => unwanted.Contains(name) ? ConsumerAction.None : ConsumerAction.Restart, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public string Name => "swarm services";

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, ConsumerAction> Uses { get; }

    /// <inheritdoc/>
    public Task ApplyAsync(ConsumerAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Kind == RotationKind.None ? Task.CompletedTask : _deployment.RefreshAsync(_secrets, cancellationToken);
    }
}
