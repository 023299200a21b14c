using System.CommandLine;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Diagnostics.Metrics;
using SecureLaunch.Core.Journal;
using SecureLaunch.Core.Launching;

namespace SecureLaunch.Cli.Commands;

/// <summary><c>securelaunch run</c>: the whole launch, against a real Vault or, with <c>--dev</c>, the embedded dev Vault.</summary>
internal static partial class RunCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.File();
        var set = CommonOptions.Set();
        var envFile = CommonOptions.EnvFile();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var output = CommonOptions.Output();
        var dev = new Option<bool>("--dev") { Description = "Run against the embedded dev Vault, seeded from the spec's dev: section" };
        var stopGrace = new Option<int>("--stop-grace")
        {
            Description = "Seconds a container gets to stop after SIGTERM before it is killed",
            DefaultValueFactory = _ => 10,
            HelpName = "seconds",
        };
        var noRevoke = new Option<bool>("--no-revoke")
        {
            Description = "Leave the leases and the token to outlive the launch; securelaunch down NAME revokes them later",
        };
        var allowPrivileged = new Option<bool>("--allow-privileged")
        {
            Description = "Let containers ask for privileged: true, capabilities beyond Docker's defaults, or a security_opt that loosens confinement",
        };
        var metrics = MetricsOption();
        var command = new Command("run", "Fetch the spec's secrets from Vault and run its containers with them; clean up on exit")
        {
            file, set, envFile, dev, stopGrace, noRevoke, allowPrivileged, metrics, output, quiet, verbose,
        };
        command.SetAction((result, _) => OutputFormats.RunAsync(context, result.GetValue(output), outputContext => RunAsync(
            outputContext,
            new RunArguments(result.GetValue(file), result.GetValue(set), result.GetValue(envFile), result.GetValue(dev), result.GetValue(stopGrace),
                CommonOptions.LevelFrom(result.GetValue(quiet), result.GetValue(verbose)))
            {
                NoRevoke = result.GetValue(noRevoke),
                AllowPrivileged = result.GetValue(allowPrivileged),
                Metrics = result.GetValue(metrics),
            })));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, RunArguments arguments)
    {
        if (arguments.StopGraceSeconds is < 0 or > 3600)
        {
            context.Console.WriteError($"--stop-grace {arguments.StopGraceSeconds}: must be from 0 to 3600 seconds");
            return ExitCodes.LaunchFailed;
        }

        MetricsAddress? metricsAddress = null;
        if (arguments.Metrics is not null && !MetricsAddress.TryParse(arguments.Metrics, out metricsAddress, out var metricsError))
        {
            context.Console.WriteError(metricsError);
            return ExitCodes.LaunchFailed;
        }

        var (spec, path) = SpecCommandBase.Load(context, arguments.File, arguments.Overrides, arguments.EnvFiles);
        if (spec is null)
        {
            return ExitCodes.LaunchFailed;
        }

        using var output = RunOutput.Create(context, arguments.Level);
        var loggers = output.Loggers;
        var logger = loggers.CreateLogger(CliLogging.LaunchCategory);
        var metrics = metricsAddress is null ? null : new LaunchMetrics(context.TimeProvider);
        var (metricsServer, bindError) = ServeMetrics(context, metricsAddress, metrics, logger);
        if (bindError is not null)
        {
            output.Fail();
            context.Console.WriteError(bindError);
            return ExitCodes.LaunchFailed;
        }

        // Disposed when the launch has ended, before the output it logs to.
        await using var servingMetrics = metricsServer;
        try
        {
            await using var endpoint = await VaultEndpoint.OpenAsync(context, spec, path!, arguments.Dev, context.Shutdown.Token);
            var target = endpoint.Target;
            var init = NativeInit.Resolve(context.Environment);
            if (!NativeInit.EnsureExecutable(init))
            {
                context.Console.Error.WriteLine($"securelaunch: warning: {init} is not executable by every user and cannot be made so: containers with hidden env and a non-root user will fail to start (chmod 0755 it)");
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
                ContainerOutput = output.ContainerOutput,
                Logger = logger,
                Environment = context.Environment,
                TimeProvider = context.TimeProvider,
                StopGrace = TimeSpan.FromSeconds(arguments.StopGraceSeconds),
                AllowPrivileged = arguments.AllowPrivileged,
                SecretFileBases = LaunchContext.DefaultSecretFileBases(context.Environment),
                Journal = new LaunchJournalOptions
                {
                    Store = JournalStore.For(context.Environment),
                    SpecFile = path,
                    VaultNamespace = Engines.Namespace(context, spec.Vault),
                    EphemeralVault = arguments.Dev,
                    TimeProvider = context.TimeProvider,
                },
                RevokeOnExit = !arguments.NoRevoke,
                InitBinaryPath = init,
                Observer = metrics,
            });
            var outcome = await launcher.RunAsync(spec, context.Shutdown.Token);
            return outcome.Interrupted ? Math.Max(context.Shutdown.ExitCode, ExitCodes.Interrupted) : outcome.ExitCode;
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            output.Fail();
            context.Console.WriteError(Failures.Describe(ex));
            return context.Shutdown.ExitCode != 0 ? context.Shutdown.ExitCode : ExitCodes.LaunchFailed;
        }
    }

    private sealed record RunArguments(string? File, string[]? Overrides, string[]? EnvFiles, bool Dev, int StopGraceSeconds, LogLevel Level)
    {
        public bool NoRevoke { get; init; }

        public bool AllowPrivileged { get; init; }

        public string? Metrics { get; init; }
    }
}
