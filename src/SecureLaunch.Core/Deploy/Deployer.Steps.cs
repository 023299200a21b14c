using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Host;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Deploy;

/// <summary>The steps of a hand-off: finding the agent, logging in, waiting for the answer, cleaning up after a failure.</summary>
public sealed partial class Deployer
{
    private async Task<byte[]> FindAgentAsync(CancellationToken cancellationToken)
    {
        byte[]? key;
        try
        {
            key = await _store.FindAgentKeyAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            throw new LaunchException($"agent key: {ex.Message}", ex);
        }

        if (key is null)
        {
            throw new LaunchException("no SecureLaunch agent is installed in this swarm; install one with 'securelaunch agent install --vault-addr URL' on a manager, then deploy again");
        }

        foreach (var service in await _swarm.ListServicesAsync(DeployLabels.OfRole(DeployLabels.AgentRole), cancellationToken))
        {
            var tasks = await _swarm.ListTasksAsync(service.Id, cancellationToken);
            if (!tasks.Any(t => t.IsRunning))
            {
                var last = tasks.OrderByDescending(t => t.Timestamp).FirstOrDefault();
                var why = last is null ? "it has no task yet" : $"its last task is {last.State}{(last.Error.Length > 0 ? $": {last.Error}" : "")}";
                throw new LaunchException($"the SecureLaunch agent service {service.Name} has no running task ({why}); see 'docker service ps {service.Name}'");
            }
        }

        return key;
    }

    private async Task<HandoffResult> HandOverAsync(Handoff handoff, byte[] agentKey, DeployTiming timing, CancellationToken cancellationToken)
    {
        var id = await _store.PutHandoffAsync(handoff, agentKey, cancellationToken);
        Log.HandoffLeft(_logger, handoff.Name, handoff.Kind.ToString().ToLowerInvariant(), handoff.WrappingAccessor ?? "-");
        var started = _time.GetUtcNow();
        while (true)
        {
            if (await _store.TakeResultAsync(id, cancellationToken) is { } result)
            {
                return result.Succeeded ? result : throw new LaunchException($"agent: {result.Reason}");
            }

            var waited = _time.GetUtcNow() - started;
            if (waited >= timing.PickupTimeout && await _store.IsWaitingAsync(id, cancellationToken))
            {
                await _store.RemoveAsync(id, CancellationToken.None);
                throw new LaunchException(
                    $"no SecureLaunch agent took the hand-off within {Durations.Format(timing.PickupTimeout)}: is the agent running? ('docker service ps securelaunch-agent'; install it with 'securelaunch agent install'); the hand-off was withdrawn");
            }

            if (waited >= timing.Timeout)
            {
                throw new LaunchException($"the agent took the hand-off but did not answer within {Durations.Format(timing.Timeout)}; see 'docker service logs securelaunch-agent'");
            }

            await Task.Delay(timing.Poll, _time, cancellationToken);
        }
    }

    private async Task RevokeLaunchTokenAsync(IVaultClient vault, string? accessor)
    {
        if (accessor is null)
        {
            return;
        }

        try
        {
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(10), _time);
            await vault.RevokeAccessorAsync(accessor, budget.Token);
        }
        catch (Exception ex) when (ex is VaultException or OperationCanceledException)
        {
            Log.LaunchTokenNotRevoked(_logger, accessor, ex.Message);
        }
    }

    private async Task RevokeOwnTokenAsync(IVaultClient vault)
    {
        try
        {
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(10), _time);
            await vault.RevokeSelfAsync(budget.Token);
        }
        catch (Exception ex) when (ex is VaultException or OperationCanceledException)
        {
            Log.LoginTokenNotRevoked(_logger, ex.Message);
        }
    }
}
