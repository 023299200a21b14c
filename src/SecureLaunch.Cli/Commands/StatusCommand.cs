using System.CommandLine;
using System.Text.Json;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Journal;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Templates;
using SecureLaunch.Docker;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureLaunch.Cli.Commands;

/// <summary>
/// <c>securelaunch status [NAME]</c>: the launches in the journal directory, their containers (state from the engine),
/// leases (TTL left, last and next renewal, last error) and rotations. A live launcher keeps its journal up to date,
/// so the numbers are its own; a dead one's launch is shown as crashed, with the command that cleans it up.
/// </summary>
internal static partial class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string?>("name") { Description = "Only this launch", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--output", "-o")
        {
            Description = "text for people, json for pipelines (one document)",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        output.AcceptOnlyFromAmong("text", "json");
        var command = new Command("status", "Show the launches: containers, leases with their TTL, last and next renewal, last error, rotations")
        {
            name, output,
        };
        command.SetAction((result, _) => RunAsync(context, result.GetValue(name), result.GetValue(output) == "json"));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? name, bool json)
    {
        if (name is not null && !SpecNames.IsValidName(name))
        {
            context.Console.WriteError($"'{name}' is not a launch name: a letter, then letters, digits, '_' or '-'");
            return ExitCodes.LaunchFailed;
        }

        var store = JournalStore.For(context.Environment);
        var errors = new List<string>();
        IReadOnlyList<LaunchJournal> journals;
        try
        {
            if (name is null)
            {
                journals = store.ReadAll(out var unreadable);
                errors.AddRange(unreadable);
            }
            else
            {
                journals = store.Read(name) is { } journal ? [journal] : [];
                if (journals.Count == 0)
                {
                    errors.Add($"no launch named {name} (journals in {store.Directory})");
                }
            }
        }
        catch (LaunchException ex)
        {
            journals = [];
            errors.Add(ex.Message);
        }

        var views = new List<LaunchStatusView>();
        using (var docker = TryCreateDocker(context, errors))
        {
            foreach (var journal in journals)
            {
                views.Add(await ViewAsync(journal, docker, context.TimeProvider.GetUtcNow(), errors, context.Shutdown.Token));
            }
        }

        if (json)
        {
            context.Console.Out.WriteLine(JsonSerializer.Serialize(new StatusReport(views, errors), StatusJsonContext.Default.StatusReport));
        }
        else
        {
            WriteText(context.Console.Out, views, context.TimeProvider.GetUtcNow(), store.Directory);
        }

        foreach (var error in errors)
        {
            context.Console.WriteError(error);
        }

        return errors.Count == 0 ? ExitCodes.Success : ExitCodes.LaunchFailed;
    }

    private static DockerEngine? TryCreateDocker(CliContext context, List<string> errors)
    {
        try
        {
            return Engines.CreateDocker(context, NullLoggerFactory.Instance);
        }
        catch (LaunchException ex)
        {
            errors.Add(ex.Message);
            return null;
        }
    }

    private static async Task<LaunchStatusView> ViewAsync(
        LaunchJournal journal, IContainerEngine? docker, DateTimeOffset now, List<string> errors, CancellationToken cancellationToken)
    {
        var alive = journal.IsRunning();
        var (status, hint) = journal.State switch
        {
            JournalState.Active or JournalState.Stopping when alive => (journal.State == JournalState.Active ? "running" : "stopping", (string?)null),
            JournalState.Active or JournalState.Stopping => ("crashed", $"crashed: run securelaunch down {journal.Name}"),
            JournalState.Ended => ("ended", $"ended; its leases were kept (--no-revoke): securelaunch down {journal.Name} revokes them"),
            _ => ("incomplete", $"stopped, but not everything could be removed: run securelaunch down {journal.Name}"),
        };
        var rotations = journal.Secrets.ToDictionary(s => s.Name, s => s.Rotations, StringComparer.Ordinal);

        // What a dead launcher had planned will not happen: show no next renewal for it.
        return new LaunchStatusView(
            journal.Name,
            journal.LaunchId,
            status,
            hint,
            journal.Launcher.Pid,
            alive,
            journal.SpecFile,
            journal.StartedAt,
            journal.UpdatedAt,
            journal.Vault,
            journal.RevokeOnExit,
            await ContainersAsync(journal, docker, errors, cancellationToken),
            [.. journal.Leases.Select(l => new LeaseStatusView(
                l.LeaseId, l.Secret, l.Path, l.TtlSeconds, Math.Max(0, (long)(l.ExpiresAt - now).TotalSeconds), l.Renewable, l.ExpiresAt,
                l.LastRenewedAt, alive ? l.NextAction : null, alive ? l.NextDueAt : null, l.LastError, l.LastErrorAt, rotations.GetValueOrDefault(l.Secret)))],
            alive ? journal.Secrets : [.. journal.Secrets.Select(s => s with { NextAction = null, NextDueAt = null })],
            journal.FilesDirectory,
            journal.Leftovers,
            [.. journal.Inherited.Select(i => i.LaunchId)]);
    }

    private static async Task<IReadOnlyList<ContainerStatusView>> ContainersAsync(
        LaunchJournal journal, IContainerEngine? docker, List<string> errors, CancellationToken cancellationToken)
    {
        Dictionary<string, Docker.Containers.ContainerSummary>? live = null;
        if (docker is not null)
        {
            try
            {
                var labelled = await docker.ListContainersAsync(
                    new Dictionary<string, string>(StringComparer.Ordinal) { [LaunchLabels.Launch] = journal.LaunchId }, cancellationToken);
                live = labelled.ToDictionary(c => c.Id, StringComparer.Ordinal);
            }
            catch (DockerEngineException ex)
            {
                errors.Add($"launch {journal.Name}: container states unknown: {ex.Message}");
            }
        }

        var views = journal.Containers
            .Select(c => new ContainerStatusView(c.Name, c.Id, live is null ? "unknown" : live.TryGetValue(c.Id, out var row) ? row.State : "gone"))
            .ToList();
        if (live is not null)
        {
            // Labelled with the launch but missed by the journal (created just before a crash): down removes them too.
            views.AddRange(live.Values.Where(c => journal.Containers.All(j => j.Id != c.Id)).Select(c => new ContainerStatusView(c.Name, c.Id, c.State)));
        }

        return views;
    }
}
