using System.CommandLine;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Launching;
using SecureLaunch.DevVault;

namespace SecureLaunch.Cli.Commands;

/// <summary><c>securelaunch run</c>: the whole launch, against a real Vault or, with <c>--dev</c>, the embedded dev Vault.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.File();
        var set = CommonOptions.Set();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var dev = new Option<bool>("--dev") { Description = "Run against the embedded dev Vault, seeded from the spec's dev: section" };
        var stopGrace = new Option<int>("--stop-grace")
        {
            Description = "Seconds a container gets to stop after SIGTERM before it is killed",
            DefaultValueFactory = _ => 10,
            HelpName = "seconds",
        };
        var command = new Command("run", "Fetch the spec's secrets from Vault and run its containers with them; clean up on exit")
        {
            file, set, dev, stopGrace, quiet, verbose,
        };
        command.SetAction((result, _) => RunAsync(
            context,
            new RunArguments(result.GetValue(file), result.GetValue(set), result.GetValue(dev), result.GetValue(stopGrace),
                CommonOptions.LevelFrom(result.GetValue(quiet), result.GetValue(verbose)))));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, RunArguments arguments)
    {
        if (arguments.StopGraceSeconds is < 0 or > 3600)
        {
            context.Console.WriteError($"--stop-grace {arguments.StopGraceSeconds}: must be from 0 to 3600 seconds");
            return ExitCodes.LaunchFailed;
        }

        var (spec, path) = SpecCommandBase.Load(context, arguments.File, arguments.Overrides);
        if (spec is null)
        {
            return ExitCodes.LaunchFailed;
        }

        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(arguments.Level).AddProvider(new CliLoggerProvider(context.Console.Error, arguments.Level)));
        var logger = loggers.CreateLogger("securelaunch");
        DevVaultServer? devVault = null;
        try
        {
            VaultTarget target;
            if (arguments.Dev)
            {
                devVault = await DevVaultServer.StartAsync(new DevVaultOptions { Seed = DevVaultSeed.FromYamlFile(path!) }, context.Shutdown.Token);
                target = new VaultTarget(devVault.Address, devVault.RootToken, "the embedded dev Vault");
            }
            else
            {
                target = VaultTarget.Resolve(spec.Vault, context.Environment);
            }

            using var engines = Engines.Create(context, target, spec.Vault, loggers);
            var launcher = new Launcher(new LaunchContext
            {
                Vault = engines.Vault,
                Docker = engines.Docker,
                Swarm = engines.Swarm,
                TokenSource = target.TokenSource,
                StandardOutput = context.Console.StandardOutput,
                StandardError = context.Console.StandardError,
                Logger = logger,
                Environment = context.Environment,
                TimeProvider = context.TimeProvider,
                StopGrace = TimeSpan.FromSeconds(arguments.StopGraceSeconds),
                SecretFileBases = LaunchContext.DefaultSecretFileBases(context.Environment),
            });
            var outcome = await launcher.RunAsync(spec, context.Shutdown.Token);
            return outcome.Interrupted ? Math.Max(context.Shutdown.ExitCode, ExitCodes.Interrupted) : outcome.ExitCode;
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            context.Console.WriteError(Failures.Describe(ex));
            return context.Shutdown.ExitCode != 0 ? context.Shutdown.ExitCode : ExitCodes.LaunchFailed;
        }
        finally
        {
            if (devVault is not null)
            {
                await devVault.DisposeAsync();
            }
        }
    }

    private sealed record RunArguments(string? File, string[]? Overrides, bool Dev, int StopGraceSeconds, LogLevel Level);
}
