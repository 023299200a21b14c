using SecureLaunch.Docker;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Core.Swarm;

/// <summary>
/// Removes what a launch left in Swarm when its launcher is gone (a crash, then <c>down</c> or a new <c>run</c> of the
/// same name): its services first, then its secrets and configs, all found by label, so nothing the journal missed
/// escapes. Outside swarm mode, or on a worker, there is nothing this daemon could have created.
/// </summary>
public static class SwarmLeftovers
{
    /// <summary>How long secrets still referenced by a service being removed are tried again.</summary>
    private static readonly TimeSpan InUseBudget = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan InUseRetry = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Removes every service, secret and config labelled with <paramref name="labels"/> for which <paramref name="include"/>
    /// holds (given the object's labels). Each removal is a line in <paramref name="done"/>, each failure one in
    /// <paramref name="problems"/>; nothing throws for an engine failure.
    /// </summary>
    public static async Task RemoveAsync(
        ISwarmEngine swarm, IReadOnlyDictionary<string, string> labels, Func<IReadOnlyDictionary<string, string>, bool> include,
        TimeProvider time, List<string> done, List<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(swarm);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(include);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(problems);
        var what = string.Join(",", labels.Select(l => $"{l.Key}={l.Value}"));
        try
        {
            if (!(await swarm.GetSwarmStatusAsync(cancellationToken)).CanDeploy)
            {
                return;
            }

            foreach (var service in (await swarm.ListServicesAsync(labels, cancellationToken)).Where(s => include(s.Labels)))
            {
                await TryAsync(() => swarm.RemoveServiceAsync(service.Id, cancellationToken), $"removed service {service.Name}", $"service {service.Name}: not removed", done, problems);
            }

            await RemoveObjectsAsync("secret", () => swarm.ListSecretsAsync(labels, cancellationToken), id => swarm.RemoveSecretAsync(id, cancellationToken), include, time, done, problems, cancellationToken);
            await RemoveObjectsAsync("config", () => swarm.ListConfigsAsync(labels, cancellationToken), id => swarm.RemoveConfigAsync(id, cancellationToken), include, time, done, problems, cancellationToken);
        }
        catch (DockerEngineException ex)
        {
            problems.Add($"Swarm objects labelled {what}: cannot list them: {ex.Message}");
        }
    }

    /// <summary>A secret stays referenced until the service that used it is gone from the manager's store: retried a while.</summary>
    private static async Task RemoveObjectsAsync(
        string kind, Func<Task<IReadOnlyList<SwarmObjectInfo>>> list, Func<string, Task> remove, Func<IReadOnlyDictionary<string, string>, bool> include,
        TimeProvider time, List<string> done, List<string> problems, CancellationToken cancellationToken)
    {
        var left = (await list()).Where(o => include(o.Labels)).ToList();
        var started = time.GetTimestamp();
        while (left.Count > 0)
        {
            var failures = new List<(SwarmObjectInfo Object, string Error)>();
            foreach (var item in left)
            {
                try
                {
                    await remove(item.Id);
                    done.Add($"removed {kind} {item.Name}");
                }
                catch (DockerEngineException ex)
                {
                    failures.Add((item, ex.Message));
                }
            }

            if (failures.Count == 0 || time.GetElapsedTime(started) >= InUseBudget)
            {
                problems.AddRange(failures.Select(f => $"{kind} {f.Object.Name}: not removed: {f.Error}"));
                return;
            }

            left = [.. failures.Select(f => f.Object)];
            await Task.Delay(InUseRetry, time, cancellationToken);
        }
    }

    private static async Task TryAsync(Func<Task> action, string success, string failure, List<string> done, List<string> problems)
    {
        try
        {
            await action();
            done.Add(success);
        }
        catch (DockerEngineException ex)
        {
            problems.Add($"{failure}: {ex.Message}");
        }
    }
}
