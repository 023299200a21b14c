using System.CommandLine;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Deploy;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Preflight;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Cli.Commands;

/// <summary>
/// <c>securelaunch deploy</c>: for pipelines. Checks everything <c>plan</c> checks, hands the spec's services to the
/// agent in the swarm with a response-wrapped launch token, waits until they converge, and exits; the agent keeps
/// their secrets alive. The pipeline's own token mints nothing and is revoked before exit.
/// </summary>
internal static class DeployCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.File();
        var set = CommonOptions.Set();
        var envFile = CommonOptions.EnvFile();
        var timeout = DeployOptions.Timeout();
        var wrapTtl = new Option<string>("--wrap-ttl")
        {
            Description = "How long the wrapping token lives: the agent must take the hand-off within it",
            DefaultValueFactory = _ => "5m",
            HelpName = "duration",
        };
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var command = new Command("deploy", "Hand the spec's Swarm services to the in-cluster agent, wait until they run, and exit (for CI/CD)")
        {
            file, set, envFile, timeout, wrapTtl, quiet, verbose,
        };
        command.SetAction((result, _) => RunAsync(context, result.GetValue(file), result.GetValue(set), result.GetValue(envFile), result.GetValue(timeout)!, result.GetValue(wrapTtl)!,
            CommonOptions.LevelFrom(result.GetValue(quiet), result.GetValue(verbose))));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? file, string[]? overrides, string[]? envFiles, string timeoutText, string wrapTtlText, LogLevel level)
    {
        if (!DeployOptions.TryDuration(context, "--timeout", timeoutText, out var timeout) || !DeployOptions.TryDuration(context, "--wrap-ttl", wrapTtlText, out var wrapTtl))
        {
            return ExitCodes.LaunchFailed;
        }

        var (loaded, path) = SpecCommandBase.LoadResult(context, file, overrides, envFiles);
        if (loaded?.Spec is not { } spec)
        {
            return ExitCodes.LaunchFailed;
        }

        if (spec.Containers.Count > 0 || spec.Services.Count == 0)
        {
            context.Console.WriteError($"{spec.Containers.FirstOrDefault()?.Location.ToString() ?? spec.Source}: deploy hands Swarm services to the agent, and this spec has {(spec.Containers.Count > 0 ? $"containers ({string.Join(", ", spec.Containers.Select(c => c.Name))})" : "no services")}; move them under 'services:', or use securelaunch run");
            return ExitCodes.LaunchFailed;
        }

        using var loggers = CliLogging.ToStandardError(context.Console, level);
        try
        {
            var target = VaultTarget.Resolve(spec.Vault, context.Environment);
            using var engines = Engines.Create(context, target, spec.Vault, loggers);
            var deployer = new Deployer(engines.Swarm, loggers.CreateLogger(CliLogging.LaunchCategory), context.TimeProvider);
            if (await deployer.FindUnchangedAsync(spec.Name, loaded.Values, context.Shutdown.Token) is { } unchanged)
            {
                context.Console.Out.WriteLine($"{unchanged.Status}: {unchanged.Message}");
                return ExitCodes.Success;
            }

            var failed = (await PlanCommand.CheckAllAsync(context, spec, engines, target.TokenSource, allowPrivileged: false)).Where(c => c.Status == CheckStatus.Failed).ToList();
            if (failed.Count > 0)
            {
                failed.ForEach(f => context.Console.WriteError($"{f.Area}: {f.Detail}"));
                context.Console.Error.WriteLine("Nothing was deployed. securelaunch plan shows every check.");
                return ExitCodes.LaunchFailed;
            }

            var outcome = await deployer.DeployAsync(
                new DeployRequest { Spec = spec, Values = loaded.Values, Source = SpecFileResolver.Display(path!, context.Environment), Timing = new DeployTiming { Timeout = timeout, PickupTimeout = TimeSpan.FromSeconds(Math.Min(30, timeout.TotalSeconds)) }, WrapTtl = wrapTtl },
                engines.Vault,
                context.Environment,
                context.Shutdown.Token);
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
