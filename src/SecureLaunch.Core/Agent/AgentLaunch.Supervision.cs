using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Swarm;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Agent;

/// <summary>Renewal and rotation of a launch the agent keeps, as <c>run</c> does them.</summary>
internal sealed partial class AgentLaunch
{
    /// <summary>
    /// Renews every renewable lease once, so supervision schedules from what Vault says now. Between the fetch and
    /// supervision lie a service rollout (which may take longer than a short lease has left) or, on a takeover, a state
    /// several heartbeats old: a lease that looks nearly spent would be fetched again (minted) rather than renewed. One
    /// that will not renew is left as it is; the supervisor then fetches it again, as it must.
    /// </summary>
    private async Task RefreshLeasesAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in Spec.Secrets)
        {
            if (_secrets.Get(definition.Name) is not { Lease: { Renewable: true } lease } secret)
            {
                continue;
            }

            try
            {
                var renewed = await _vault.RenewLeaseAsync(lease.LeaseId, null, cancellationToken);
                _secrets.Add(definition, secret with { Lease = renewed });
                _session.Leases.Record(definition.Name, renewed);
            }
            catch (VaultException)
            {
                // Gone or not renewable after all: the supervisor sees it and fetches it again.
            }
        }
    }

    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        await RefreshLeasesAsync(cancellationToken);
        var token = await _vault.LookupSelfAsync(cancellationToken);
        var context = new LaunchContext
        {
            Vault = _vault,
            Docker = _options.Docker,
            Swarm = _options.Swarm,
            TokenSource = "the launch's token",
            StandardOutput = Stream.Null,
            StandardError = Stream.Null,
            Logger = _options.Logger,
            Environment = _options.Environment,
            TimeProvider = _options.TimeProvider,
            SecretFileBases = [],
            InitBinaryPath = _options.InitBinaryPath,
            RevokeOnExit = false,
        };
        _supervision = new LaunchSupervision(context, Spec, _session, _secrets, _mask, new VaultConnection(null, token.Ttl, token.Renewable, null), [new SwarmRotationTarget(_services!, Spec, _secrets)]);
        _supervision.Start();
        _supervision.StartRotation();
    }
}
