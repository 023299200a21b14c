using System.CommandLine;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Journal;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Core.Templates;
using SecureLaunch.Docker;

namespace SecureLaunch.Cli.Commands;

/// <summary>
/// <c>securelaunch down [NAME]</c>: removes what a launch left (containers, leases, its token, secret files) from its
/// journal, also after the launcher crashed. Idempotent: a second run says there is nothing to do. Exits 0 when
/// everything is gone, 125 with one line per thing that could not be removed (kept in the journal for a retry).
/// </summary>
internal static partial class DownCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string?>("name")
        {
            Description = "The launch name (default: the name: of the spec)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var file = CommonOptions.File();
        file.Description = "The run spec: its name:, and its vault.auth to log in for revoking (default: the spec the launch ran, then securelaunch.yaml)";
        var force = new Option<bool>("--force")
        {
            Description = "Also stop a launch whose securelaunch is still running: SIGTERM, SIGKILL if it has not ended in time, then clean up",
        };
        var stopGrace = new Option<int>("--stop-grace")
        {
            Description = "Seconds a container still running gets to stop after SIGTERM before it is killed",
            DefaultValueFactory = _ => 10,
            HelpName = "seconds",
        };
        var envFile = CommonOptions.EnvFile();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var command = new Command("down", "Stop what a launch started and revoke its leases, from its journal (also after a crash)")
        {
            name, file, envFile, force, stopGrace, quiet, verbose,
        };
        command.SetAction((result, _) => RunAsync(context, new DownArguments(
            result.GetValue(name), result.GetValue(file), result.GetValue(force), result.GetValue(stopGrace),
            CommonOptions.LevelFrom(result.GetValue(quiet), result.GetValue(verbose)))
        {
            EnvFiles = result.GetValue(envFile),
        }));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, DownArguments arguments)
    {
        if (arguments.StopGraceSeconds is < 0 or > 3600)
        {
            context.Console.WriteError($"--stop-grace {arguments.StopGraceSeconds}: must be from 0 to 3600 seconds");
            return ExitCodes.LaunchFailed;
        }

        RunSpec? spec = null;
        if (arguments.File is not null || arguments.Name is null)
        {
            (spec, _) = SpecCommandBase.Load(context, arguments.File, [], arguments.EnvFiles);
            if (spec is null)
            {
                context.Console.Error.WriteLine("Name the launch: securelaunch down NAME (securelaunch status lists them).");
                return ExitCodes.LaunchFailed;
            }
        }

        var name = arguments.Name ?? spec!.Name;
        if (!SpecNames.IsValidName(name))
        {
            context.Console.WriteError($"'{name}' is not a launch name: a letter, then letters, digits, '_' or '-'");
            return ExitCodes.LaunchFailed;
        }

        using var loggers = CliLogging.ToStandardError(context.Console, arguments.Level);
        var store = JournalStore.For(context.Environment);
        try
        {
            var journal = store.Read(name);
            if (spec is null && journal?.SpecFile is { } launchSpec && arguments.EnvFiles is { Length: > 0 } && context.Environment.FileExists(launchSpec))
            {
                // The launch's own spec needs the --env-file variables to load; without the flag DownVault reads it as is.
                (spec, _) = SpecCommandBase.Load(context, launchSpec, [], arguments.EnvFiles);
            }

            using var docker = Engines.CreateDocker(context, loggers);
            if (journal is null)
            {
                return await DownOrphansAsync(context, store, name, docker, arguments, context.Shutdown.Token);
            }

            if (journal.IsRunning())
            {
                if (!arguments.Force)
                {
                    context.Console.WriteError(
                        $"launch '{name}' is running (securelaunch pid {journal.Launcher.Pid}); stop it with Ctrl-C or kill -TERM {journal.Launcher.Pid}, " +
                        $"or use securelaunch down --force {name}");
                    return ExitCodes.LaunchFailed;
                }

                journal = await StopLauncherAsync(context, store, journal, arguments, context.Shutdown.Token);
                if (journal is null)
                {
                    return ExitCodes.Success;
                }
            }

            return await TearDownAsync(context, store, journal, spec, docker, loggers, arguments, context.Shutdown.Token);
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            context.Console.WriteError(Failures.Describe(ex));
            return ExitCodes.LaunchFailed;
        }
    }

    private static async Task<int> TearDownAsync(
        CliContext context, JournalStore store, LaunchJournal journal, RunSpec? spec, IContainerEngine docker,
        ILoggerFactory loggers, DownArguments arguments, CancellationToken cancellationToken)
    {
        var launches = JournalStore.Flatten(journal).ToList();
        await using var vault = launches.Any(NeedsVault)
            ? await DownVault.ConnectAsync(context, journal, spec, loggers, cancellationToken)
            : DownVault.None;
        var teardown = new LaunchTeardown(docker);
        var problems = new List<string>();
        var remaining = new List<LaunchJournal>();
        foreach (var launch in launches)
        {
            var result = await teardown.RunAsync(launch, new TeardownOptions
            {
                Vault = vault.Client,
                VaultNamespace = journal.Vault.Namespace,
                VaultUnavailable = vault.Unavailable,
                StopGrace = TimeSpan.FromSeconds(arguments.StopGraceSeconds),
            }, cancellationToken);
            foreach (var line in result.Done)
            {
                context.Console.Out.WriteLine(line);
            }

            problems.AddRange(result.Problems);
            if (result.Remaining is { } left)
            {
                remaining.Add(left);
            }
        }

        if (remaining.Count == 0)
        {
            store.Delete(journal.Name);
            context.Console.Out.WriteLine($"launch {journal.Name} is down");
            return ExitCodes.Success;
        }

        store.Write(remaining[0] with { Name = journal.Name, State = JournalState.Incomplete, Leftovers = problems, Inherited = remaining[1..] });
        foreach (var problem in problems)
        {
            context.Console.WriteError(problem);
        }

        context.Console.Error.WriteLine($"What is left stays in {store.PathOf(journal.Name)}; run securelaunch down {journal.Name} again once it can be removed.");
        return ExitCodes.LaunchFailed;
    }

    private static bool NeedsVault(LaunchJournal journal) =>
        !journal.Vault.Ephemeral && (journal.Leases.Count > 0 || journal.Vault.TokenToRevoke);

    private sealed record DownArguments(string? Name, string? File, bool Force, int StopGraceSeconds, LogLevel Level)
    {
        public string[]? EnvFiles { get; init; }
    }
}
