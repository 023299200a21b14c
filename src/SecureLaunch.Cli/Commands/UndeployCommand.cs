using System.CommandLine;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Deploy;
using SecureLaunch.Core.Templates;

namespace SecureLaunch.Cli.Commands;

/// <summary>
/// <c>securelaunch undeploy NAME</c>: asks the agent to remove a deployed launch (services, Swarm secrets and configs)
/// and revoke its leases and token, and waits for its answer. Needs no Vault access of its own.
/// </summary>
internal static class UndeployCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string?>("name") { Description = "The launch name (default: the name: of the spec)", Arity = ArgumentArity.ZeroOrOne };
        var file = CommonOptions.File();
        var timeout = DeployOptions.Timeout();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var command = new Command("undeploy", "Have the agent remove a deployed launch and revoke its leases and token")
        {
            name, file, timeout, quiet, verbose,
        };
        command.SetAction((result, _) => RunAsync(context, result.GetValue(name), result.GetValue(file), result.GetValue(timeout)!, CommonOptions.LevelFrom(result.GetValue(quiet), result.GetValue(verbose))));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? name, string? file, string timeoutText, LogLevel level)
    {
        if (!DeployOptions.TryDuration(context, "--timeout", timeoutText, out var timeout))
        {
            return ExitCodes.LaunchFailed;
        }

        if (name is null)
        {
            var (spec, _) = SpecCommandBase.Load(context, file, []);
            if (spec is null)
            {
                context.Console.Error.WriteLine("Name the launch: securelaunch undeploy NAME.");
                return ExitCodes.LaunchFailed;
            }

            name = spec.Name;
        }

        if (!SpecNames.IsValidName(name))
        {
            context.Console.WriteError($"'{name}' is not a launch name: a letter, then letters, digits, '_' or '-'");
            return ExitCodes.LaunchFailed;
        }

        using var loggers = CliLogging.ToStandardError(context.Console, level);
        try
        {
            using var docker = Engines.CreateDocker(context, loggers);
            var deployer = new Deployer(docker, loggers.CreateLogger(CliLogging.LaunchCategory), context.TimeProvider);
            var outcome = await deployer.UndeployAsync(name, new DeployTiming { Timeout = timeout, PickupTimeout = TimeSpan.FromSeconds(Math.Min(30, timeout.TotalSeconds)) }, context.Shutdown.Token);
            context.Console.Out.WriteLine($"{outcome.Status}: {outcome.Message}");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            context.Console.WriteError(Failures.Describe(ex));
            return ExitCodes.LaunchFailed;
        }
    }
}
