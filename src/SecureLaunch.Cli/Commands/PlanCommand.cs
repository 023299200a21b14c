using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Preflight;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Cli.Commands;

/// <summary>
/// <c>securelaunch plan</c>: every preflight check of a launch (Docker, images, isolation, Vault, auth, token
/// capabilities on each secret path) without reading a secret, then what would be injected where.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.File();
        var set = CommonOptions.Set();
        var envFile = CommonOptions.EnvFile();
        var dev = new Option<bool>("--dev") { Description = "Plan against the embedded dev Vault, seeded from the spec's dev: section" };
        var allowPrivileged = new Option<bool>("--allow-privileged")
        {
            Description = "Plan as run --allow-privileged would: containers may ask for privileged: true, extra capabilities or a looser security_opt",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "text for people, json for pipelines",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        output.AcceptOnlyFromAmong("text", "json");
        var command = new Command("plan", "Check everything a run needs (Vault, auth, capabilities, Docker, images, isolation) without minting anything")
        {
            file, set, envFile, dev, allowPrivileged, output,
        };
        command.SetAction((result, _) => RunAsync(context, new PlanArguments(
            result.GetValue(file), result.GetValue(set), result.GetValue(envFile), result.GetValue(dev), result.GetValue(allowPrivileged), result.GetValue(output) == "json")));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, PlanArguments arguments)
    {
        var (spec, path) = SpecCommandBase.Load(context, arguments.File, arguments.Overrides, arguments.EnvFiles);
        if (spec is null)
        {
            return ExitCodes.LaunchFailed;
        }

        var checks = new List<PreflightCheck>();
        try
        {
            await using var endpoint = await VaultEndpoint.OpenAsync(context, spec, path!, arguments.Dev, context.Shutdown.Token);
            using var engines = Engines.Create(context, endpoint.Target, spec.Vault, NullLoggerFactory.Instance);
            checks.AddRange(await CheckAllAsync(context, spec, engines, endpoint.Target.TokenSource, arguments.AllowPrivileged));
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            context.Console.WriteError(Failures.Describe(ex));
            return ExitCodes.LaunchFailed;
        }

        var report = new PlanReport(spec.Name, SpecFileResolver.Display(path!, context.Environment), checks, InjectionPlan.Describe(spec));
        if (arguments.Json)
        {
            PlanWriter.WriteJson(context.Console.Out, report);
        }
        else
        {
            PlanWriter.WriteText(context.Console.Out, report);
        }

        return report.Succeeded ? ExitCodes.Success : ExitCodes.PlanFailed;
    }

    /// <summary>
    /// Every preflight check, Docker's then Vault's, without pulling an image or reading a secret: what <c>plan</c>
    /// reports, and what <c>deploy</c> must pass before it hands anything over.
    /// </summary>
    public static async Task<IReadOnlyList<PreflightCheck>> CheckAllAsync(CliContext context, RunSpec spec, Engines engines, string tokenSource, bool allowPrivileged)
    {
        var docker = await DockerPreflight.CheckAsync(spec, engines.Docker, new DockerPreflightOptions
        {
            InitBinaryPath = NativeInit.Resolve(context.Environment),
            SecretFileBases = LaunchContext.DefaultSecretFileBases(context.Environment),
            PullMissing = false,
            AllowPrivileged = allowPrivileged,
            Swarm = engines.Swarm,
        }, context.Shutdown.Token);
        var vault = await new VaultPreflight(engines.Vault, context.Environment).CheckAsync(spec, tokenSource, context.Shutdown.Token);
        return [.. docker.Checks, .. vault];
    }

    private sealed record PlanArguments(string? File, string[]? Overrides, string[]? EnvFiles, bool Dev, bool AllowPrivileged, bool Json);
}
