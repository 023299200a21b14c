using SecureLaunch.Core.Deploy;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Spec;
using SecureLaunch.Core.Swarm;

namespace SecureLaunch.Core.Agent;

/// <summary>A changed spec for a running launch: the services updated in place, then the previous launch retired.</summary>
internal sealed partial class AgentLaunch
{
    /// <summary>
    /// A changed spec for the running launch <paramref name="previous"/>: fetches the secrets with the new launch token,
    /// pauses the previous launch's supervision (its rotation must not race this), and updates the services in place,
    /// keeping the launch id and the hash key, so services keep their names and unchanged secrets their versions. The
    /// caller retires <paramref name="previous"/> on success. On failure the new leases and token are revoked and the
    /// previous launch is supervised again, before the exception leaves.
    /// </summary>
    public static async Task<AgentLaunch> UpdateAsync(AgentOptions options, Handoff handoff, RunSpec spec, string token, string accessor, AgentLaunch previous, CancellationToken cancellationToken)
    {
        var launch = new AgentLaunch(options, handoff.Name, spec, new AgentStateSeed(
            previous.LaunchId, handoff.SpecHash, handoff.Spec, handoff.Source, token, accessor, previous._hashKey));
        var paused = false;
        try
        {
            var docker = await launch.FetchAsync(cancellationToken);
            await previous.PauseAsync();
            paused = true;
            launch._services = await SwarmDeployment.UpdateInPlaceAsync(launch.Request(docker), cancellationToken);
            await launch.SuperviseAsync(cancellationToken);
            return launch;
        }
        catch
        {
            launch._session.RevokeOnExit = true;
            await launch.DisposeAsync();
            if (paused)
            {
                await previous.SuperviseAsync(CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>
    /// After <see cref="UpdateAsync"/>: stops supervising, lets go of the services (now the new launch's), and revokes
    /// this launch's leases and token. Never throws.
    /// </summary>
    public async Task RetireAsync()
    {
        _session.RevokeOnExit = true;
        await DisposeAsync();
    }

    /// <summary>Stops renewal and rotation for a while; <see cref="SuperviseAsync"/> starts them again.</summary>
    private async Task PauseAsync()
    {
        if (_supervision is not null)
        {
            await _supervision.DisposeAsync();
            _supervision = null;
        }
    }
}
