using System.CommandLine;
using SecureLaunch.Cli.Commands;
using SecureLaunch.Cli.Hosting;

namespace SecureLaunch.Cli;

/// <summary>The composition root: builds the verbs and runs one command line.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RootCommand("SecureLaunch: run containers with secrets from HashiCorp Vault, and leave nothing behind")
        {
            CommonOptions.NoColor(),
            RunCommand.Create(context),
            ValidateCommand.Create(context),
            PlanCommand.Create(context),
            StatusCommand.Create(context),
            DownCommand.Create(context),
            DeployCommand.Create(context),
            UndeployCommand.Create(context),
            AgentCommand.Create(context),
            SchemaCommand.Create(context),
            InfoCommand.Create(context),
            VaultCommand.Create(context),
            DevVaultCommand.Create(context),
            VersionCommand.Create(context),
            CompletionCommand.Create(context),
        };
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var parse = BuildRoot(context).Parse(args);
        if (parse.GetValue<bool>("--no-color"))
        {
            context.Console.DisableColor();
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Console.WriteError(error.Message);
            }

            context.Console.Error.WriteLine("Run 'securelaunch --help' for usage.");
            return ExitCodes.LaunchFailed;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Console.Out,
            Error = context.Console.Error,
            // Signals are ours: a launch must stop its containers and revoke its leases, which takes longer
            // than System.CommandLine's termination timeout allows.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parse.InvokeAsync(configuration, context.Shutdown.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug, not a user error: still one line and 125, never a stack trace on a user's terminal.
            context.Console.WriteError(InternalErrorMessage(ex));
            return ExitCodes.LaunchFailed;
        }
    }

    internal static string InternalErrorMessage(Exception exception) =>
        $"internal error ({exception.GetType().Name}): {exception.Message.ReplaceLineEndings(" ")}; please report it";
}
