using SecureLaunch.Core.Deploy;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Agent;

/// <summary>Taking over launches whose owner is gone: a rescheduled agent resumes renewal from the sealed state.</summary>
public sealed partial class DeployAgent
{
    private async Task TakeOverAsync(IReadOnlyList<StateRecord> states, CancellationToken cancellationToken)
    {
        foreach (var record in states)
        {
            if (_launches.ContainsKey(record.Name) || !await IsOwnerGoneAsync(record, cancellationToken))
            {
                continue;
            }

            var state = await _store.OpenStateAsync(record, _options.Key, cancellationToken);
            if (state is null)
            {
                continue;
            }

            var loaded = SpecLoader.LoadValues(state.Spec, state.Source);
            if (loaded.Spec is not { } spec)
            {
                Log.AgentStepFailed(_logger, $"take over launch {record.Name}", string.Join("; ", loaded.Errors.Select(e => e.ToString())));
                continue;
            }

            var launch = await AgentLaunch.ResumeAsync(_options, record.Name, state, spec, cancellationToken);
            launch.Record = record;
            _launches[record.Name] = launch;
            await WriteAsync(launch, heartbeat: true, cancellationToken);
            launch.WrittenFingerprint = launch.Fingerprint();
            Log.LaunchTakenOver(_logger, record.Name, record.LaunchId, record.Owner, state.Secrets.Count(s => s.Lease is not null));
        }
    }

    /// <summary>
    /// Whether a launch's owner is gone: it let go (its heartbeat is zero), wrote nothing for <see cref="AgentOptions.StaleAfter"/>,
    /// or is a task of the agent service that Swarm no longer runs.
    /// </summary>
    private async Task<bool> IsOwnerGoneAsync(StateRecord record, CancellationToken cancellationToken)
    {
        if (record.Heartbeat == DateTimeOffset.UnixEpoch || _options.TimeProvider.GetUtcNow() - record.Heartbeat > _options.StaleAfter)
        {
            return true;
        }

        foreach (var service in await _options.Swarm.ListServicesAsync(DeployLabels.OfRole(DeployLabels.AgentRole), cancellationToken))
        {
            var task = (await _options.Swarm.ListTasksAsync(service.Id, cancellationToken)).FirstOrDefault(t => t.Id == record.Owner);
            if (task is not null)
            {
                return !task.IsRunning;
            }
        }

        return false;
    }
}
