using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Docker;

namespace SecureLaunch.Core.Swarm;

/// <summary>Disposal: services first (Swarm stops their tasks), then every secret and config of the launch.</summary>
public sealed partial class SwarmDeployment
{
    /// <summary>The label Swarm puts on each task's container.</summary>
    private const string TaskServiceLabel = "com.docker.swarm.service.id";

    private static readonly TimeSpan CleanupBudget = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CleanupPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Removes the services and waits (up to their stop grace and a margin) for their tasks' containers on this
    /// node to be gone, ends the log streams, then removes every secret and config labelled with the launch, found
    /// by label so that versions whose creation answer was lost go too. Idempotent; never throws.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        using var budget = new CancellationTokenSource(CleanupBudget + _request.StopGrace, _request.TimeProvider);
        var token = budget.Token;

        // A rotation under way was cancelled above; let it unwind so that nothing it creates escapes the listing below.
        await Try(() => _gate.WaitAsync(token), "wait for the rotation under way in launch", LaunchId);
        var services = await RemoveServicesAsync(token);
        await WaitForTaskContainersAsync(services, token);
        foreach (var service in _services)
        {
            if (service.Logs is not null)
            {
                await service.Logs.DisposeAsync();
            }

            await Try(() =>
            {
                service.Stdout.Complete();
                service.Stderr.Complete();
                return Task.CompletedTask;
            }, "flush the output of service", service.Definition.Name);
        }

        var secrets = await RemoveAllAsync("secret", _swarm.ListSecretsAsync, _swarm.RemoveSecretAsync, token);
        var configs = await RemoveAllAsync("config", _swarm.ListConfigsAsync, _swarm.RemoveConfigAsync, token);
        Log.SwarmCleanedUp(_logger, LaunchId, services.Count, secrets, configs);
        _stopping.Dispose();
    }

    private async Task<List<string>> RemoveServicesAsync(CancellationToken cancellationToken)
    {
        var ids = _services.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        await Try(async () =>
        {
            foreach (var service in await _swarm.ListServicesAsync(SwarmLabels.ForLaunch(LaunchId), cancellationToken))
            {
                ids.Add(service.Id);
            }
        }, "list the services of launch", LaunchId);
        if (ids.Count > 0)
        {
            Log.RemovingServices(_logger, ids.Count);
        }

        var removed = new List<string>();
        foreach (var id in ids)
        {
            if (await Try(() => _swarm.RemoveServiceAsync(id, cancellationToken), "remove service", id))
            {
                removed.Add(id);
            }
        }

        return removed;
    }

    /// <summary>Swarm stops tasks after the service is gone; the launch ends only when they have (on this node: others are not visible here).</summary>
    private async Task WaitForTaskContainersAsync(List<string> services, CancellationToken cancellationToken)
    {
        var deadline = _request.TimeProvider.GetUtcNow() + _request.StopGrace + TimeSpan.FromSeconds(15);
        foreach (var id in services)
        {
            var labels = new Dictionary<string, string> { [TaskServiceLabel] = id };
            while (true)
            {
                var left = 0;
                var listed = await Try(
                    async () => left = (await _request.Docker.ListContainersAsync(labels, cancellationToken)).Count(c => c.State is not ("exited" or "dead" or "removing")),
                    "list the task containers of service",
                    id);
                if (!listed || left == 0)
                {
                    break;
                }

                if (_request.TimeProvider.GetUtcNow() >= deadline)
                {
                    Log.TaskContainersLingering(_logger, id, left);
                    break;
                }

                if (!await Try(() => Task.Delay(CleanupPoll, _request.TimeProvider, cancellationToken), "wait for the tasks of service", id))
                {
                    break;
                }
            }
        }
    }

    private async Task<int> RemoveAllAsync(
        string kind,
        Func<IReadOnlyDictionary<string, string>, CancellationToken, Task<IReadOnlyList<Docker.Swarm.SwarmObjectInfo>>> list,
        Func<string, CancellationToken, Task> remove,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<Docker.Swarm.SwarmObjectInfo> objects = [];
        await Try(async () => objects = await list(SwarmLabels.ForLaunch(LaunchId), cancellationToken), $"list the {kind}s of launch", LaunchId);
        var removed = 0;
        foreach (var item in objects)
        {
            if (await Try(() => remove(item.Id, cancellationToken), $"remove {kind}", item.Name))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Runs one cleanup step; a failure is logged, never thrown, so the next step still runs.</summary>
    private async Task<bool> Try(Func<Task> step, string what, string name)
    {
        try
        {
            await step();
            return true;
        }
        catch (Exception ex) when (ex is DockerEngineException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            Log.CleanupStepFailed(_logger, what, name, ex.Message);
            return false;
        }
    }
}
