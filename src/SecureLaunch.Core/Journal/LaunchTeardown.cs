using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Swarm;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Containers;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Journal;

/// <summary>
/// Removes what a launch left, from its journal, in the order a launcher's own shutdown uses: containers (those the
/// journal names and any other labelled with the launch id), Swarm objects, leases (revoked by id), the token the
/// launch created (revoked by accessor), the secret file directory. Used by <c>down</c> and by a new <c>run</c> that
/// takes over a dead launch's name. Each step is tried whatever the others did; nothing throws for an engine or Vault
/// failure: it becomes a line in <see cref="TeardownResult.Problems"/> and stays in the remaining journal.
/// </summary>
public sealed partial class LaunchTeardown
{
    private readonly IContainerEngine _docker;
    private readonly ISwarmEngine? _swarm;
    private readonly TimeProvider _time;

    /// <param name="docker">The engine; when it is also an <see cref="ISwarmEngine"/> (the real one is), Swarm objects go too.</param>
    /// <param name="time">The clock for retries (default: the system's).</param>
    public LaunchTeardown(IContainerEngine docker, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(docker);
        _docker = docker;
        _swarm = docker as ISwarmEngine;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Tears down <paramref name="journal"/> itself (not what it inherited: flatten with <see cref="JournalStore.Flatten"/>).</summary>
    public async Task<TeardownResult> RunAsync(LaunchJournal journal, TeardownOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(options);
        var done = new List<string>();
        var problems = new List<string>();
        var remaining = journal with { Inherited = [], Leftovers = [] };
        remaining = remaining with { Containers = await RemoveContainersAsync(journal, options.StopGrace, done, problems, cancellationToken) };
        if (_swarm is not null)
        {
            // By label: the launcher labels every service, secret and config it creates with its launch id.
            await SwarmLeftovers.RemoveAsync(_swarm, SwarmLabels.ForLaunch(journal.LaunchId), _ => true, _time, done, problems, cancellationToken);
            remaining = remaining with { Services = [], SwarmSecrets = [] };
        }
        else if (journal.Services.Count + journal.SwarmSecrets.Count > 0)
        {
            var names = string.Join(", ", journal.Services.Concat(journal.SwarmSecrets).Select(r => r.Name));
            problems.Add($"launch {journal.LaunchId}: Swarm services and secrets ({names}) not removed: this engine cannot remove them; use docker service rm and docker secret rm");
        }

        remaining = await RevokeAsync(remaining, options, done, problems, cancellationToken);
        remaining = DeleteFiles(remaining, done, problems);
        return new TeardownResult(remaining.HoldsResources ? remaining : null, done, problems);
    }

    private async Task<IReadOnlyList<JournalResource>> RemoveContainersAsync(
        LaunchJournal journal, TimeSpan grace, List<string> done, List<string> problems, CancellationToken cancellationToken)
    {
        var containers = journal.Containers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        try
        {
            // The journal may have missed a container created just before a crash; the label cannot miss it.
            var labelled = await _docker.ListContainersAsync(
                new Dictionary<string, string>(StringComparer.Ordinal) { [LaunchLabels.Launch] = journal.LaunchId }, cancellationToken);
            foreach (var container in labelled)
            {
                containers.TryAdd(container.Id, new JournalResource(container.Name, container.Id));
            }
        }
        catch (DockerEngineException ex)
        {
            problems.Add($"containers of launch {journal.LaunchId}: cannot list them: {ex.Message}");
            return journal.Containers;
        }

        var left = new List<JournalResource>();
        await Task.WhenAll(containers.Values.Select(async container =>
        {
            var error = await RemoveContainerAsync(container.Id, grace, cancellationToken);
            lock (left)
            {
                if (error is null)
                {
                    done.Add($"removed container {container.Name}");
                }
                else
                {
                    problems.Add($"container {container.Name}: not removed: {error}");
                    left.Add(container);
                }
            }
        }));
        return left;
    }

    private async Task<string?> RemoveContainerAsync(string id, TimeSpan grace, CancellationToken cancellationToken)
    {
        try
        {
            await _docker.StopContainerAsync(id, grace, cancellationToken);
        }
        catch (DockerEngineException)
        {
            // The removal below is forced; a failed graceful stop only loses the grace.
        }

        try
        {
            await _docker.RemoveContainerAsync(id, cancellationToken);
            return null;
        }
        catch (DockerEngineException ex)
        {
            return ex.Message;
        }
    }

    private static LaunchJournal DeleteFiles(LaunchJournal journal, List<string> done, List<string> problems)
    {
        if (journal.FilesDirectory is not { } directory)
        {
            return journal;
        }

        // The directory is <base>/securelaunch/<launch id>: refuse to delete anything else a damaged journal might name.
        if (!IsSecretFileDirectory(directory, journal.LaunchId))
        {
            problems.Add($"{directory}: not deleted: not the secret file directory of launch {journal.LaunchId}");
            return journal;
        }

        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
                done.Add($"deleted the secret files in {directory}");
            }

            return journal with { FilesDirectory = null };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{directory}: secret files not deleted: {ex.Message}");
            return journal;
        }
    }

    /// <summary>Whether <paramref name="directory"/> has the shape of a launch's secret file directory: <c>&lt;base&gt;/securelaunch/&lt;launch id&gt;</c>.</summary>
    internal static bool IsSecretFileDirectory(string directory, string launchId)
    {
        if (!Path.IsPathFullyQualified(directory) || launchId.Length is < 8 or > 64 || !launchId.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        var trimmed = Path.TrimEndingDirectorySeparator(directory);
        return Path.GetFileName(trimmed) == launchId && Path.GetFileName(Path.GetDirectoryName(trimmed)) == "securelaunch";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
