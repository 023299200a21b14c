using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Journal;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Swarm;
using SecureLaunch.Docker;

namespace SecureLaunch.Cli.Commands;

internal static partial class DownCommand
{
    /// <summary>Time the launcher's own shutdown may take beyond the containers' grace: its cleanup budget.</summary>
    private static readonly TimeSpan LauncherCleanupBudget = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <c>--force</c> on a live launch: SIGTERM, so the launcher shuts down in order (containers, leases, token, files,
    /// journal); SIGKILL if it has not ended within the grace plus its cleanup budget. Returns what is left to do.
    /// </summary>
    private static async Task<LaunchJournal?> StopLauncherAsync(
        CliContext context, JournalStore store, LaunchJournal journal, DownArguments arguments, CancellationToken cancellationToken)
    {
        var launcher = journal.Launcher;
        var output = context.Console.Out;
        output.WriteLine($"stopping launch {journal.Name}: SIGTERM to securelaunch pid {launcher.Pid}");
        try
        {
            launcher.Terminate();
            var patience = TimeSpan.FromSeconds(arguments.StopGraceSeconds) + LauncherCleanupBudget;
            if (!await WaitForExitAsync(context, launcher, patience, cancellationToken))
            {
                output.WriteLine($"securelaunch pid {launcher.Pid} did not end within {patience.TotalSeconds:0}s; killing it");
                launcher.Kill();
                await WaitForExitAsync(context, launcher, TimeSpan.FromSeconds(10), cancellationToken);
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new LaunchException($"cannot stop securelaunch pid {launcher.Pid}: {ex.Message}; run securelaunch down as the user that started it");
        }

        var after = store.Read(journal.Name);
        if (after is null || after.LaunchId != journal.LaunchId)
        {
            output.WriteLine($"launch {journal.Name} is down (its securelaunch cleaned up before ending)");
            return null;
        }

        return after;
    }

    private static async Task<bool> WaitForExitAsync(CliContext context, LauncherProcess launcher, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = context.TimeProvider.GetUtcNow() + patience;
        while (launcher.IsAlive())
        {
            if (context.TimeProvider.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), context.TimeProvider, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// No journal: containers labelled with the launch name and no launch any journal here knows (a journal lost with
    /// a reboot, or kept in another state directory) are removed; otherwise there is nothing to do.
    /// </summary>
    private static async Task<int> DownOrphansAsync(
        CliContext context, JournalStore store, string name, IContainerEngine docker, DownArguments arguments, CancellationToken cancellationToken)
    {
        var known = store.ReadAll(out _).SelectMany(JournalStore.Flatten).Select(j => j.LaunchId).ToHashSet(StringComparer.Ordinal);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal) { [LaunchLabels.Name] = name };
        bool Orphaned(IReadOnlyDictionary<string, string> labels) => !labels.TryGetValue(LaunchLabels.Launch, out var id) || !known.Contains(id);
        var labelled = await docker.ListContainersAsync(byName, cancellationToken);
        var orphans = labelled.Where(c => Orphaned(c.Labels)).ToList();
        var done = new List<string>();
        var problems = new List<string>();
        foreach (var container in orphans)
        {
            try
            {
                await docker.StopContainerAsync(container.Id, TimeSpan.FromSeconds(arguments.StopGraceSeconds), cancellationToken);
            }
            catch (DockerEngineException)
            {
                // The removal below is forced.
            }

            try
            {
                await docker.RemoveContainerAsync(container.Id, cancellationToken);
                done.Add($"removed container {container.Name}");
            }
            catch (DockerEngineException ex)
            {
                problems.Add($"container {container.Name}: not removed: {ex.Message}");
            }
        }

        if (docker is ISwarmEngine swarm)
        {
            await SwarmLeftovers.RemoveAsync(swarm, byName, Orphaned, context.TimeProvider, done, problems, cancellationToken);
        }

        if (done.Count + problems.Count == 0)
        {
            context.Console.Out.WriteLine($"nothing to do: no launch named {name} (journals in {store.Directory})");
            return ExitCodes.Success;
        }

        context.Console.Out.WriteLine($"no journal for launch {name}; removing what is labelled {LaunchLabels.Name}={name}");
        foreach (var line in done)
        {
            context.Console.Out.WriteLine(line);
        }

        foreach (var problem in problems)
        {
            context.Console.WriteError(problem);
        }

        return problems.Count > 0 ? ExitCodes.LaunchFailed : ExitCodes.Success;
    }
}
