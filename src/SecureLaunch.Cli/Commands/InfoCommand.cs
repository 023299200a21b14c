using System.CommandLine;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Launching;
using SecureLaunch.Docker;
using SecureLaunch.Vault;
using SecureLaunch.Vault.Sys;

namespace SecureLaunch.Cli.Commands;

/// <summary><c>securelaunch info</c>: the Docker host and Vault at a glance; needs no token.</summary>
internal static partial class InfoCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.VaultAddressFile();
        var envFile = CommonOptions.EnvFile();
        var output = CommonOptions.Output();
        var command = new Command("info", "Show the Docker engine (OS, swarm, runtimes, isolation modes) and Vault (seal and HA state)") { file, envFile, output };
        command.SetAction((result, _) => OutputFormats.RunAsync(context, result.GetValue(output), c => RunAsync(c, result.GetValue(file), result.GetValue(envFile))));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string? specFile, string[]? envFiles)
    {
        if (!SpecCommandBase.TryLoadVaultSettings(context, specFile, out var settings, envFiles))
        {
            return ExitCodes.LaunchFailed;
        }

        var failed = false;
        try
        {
            var address = VaultTarget.ResolveAddress(settings, context.Environment);
            // Health needs no token: send none rather than one that is not needed.
            var target = new VaultTarget(address, null, "none");
            using var engines = Engines.Create(context, target, settings, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            if (context.Console.Json is { } json)
            {
                failed |= !await WriteDockerJsonAsync(json, engines.Docker, context.Shutdown.Token);
                failed |= !await WriteVaultJsonAsync(json, engines.Vault, context.Shutdown.Token);
            }
            else
            {
                failed |= !await WriteDockerAsync(context.Console.Out, engines.Docker, context.Shutdown.Token);
                failed |= !await WriteVaultAsync(context.Console.Out, engines.Vault, context.Shutdown.Token);
            }
        }
        catch (LaunchException ex)
        {
            context.Console.WriteError(ex.Message);
            return ExitCodes.LaunchFailed;
        }

        return failed ? ExitCodes.LaunchFailed : ExitCodes.Success;
    }

    private static async Task<bool> WriteDockerAsync(TextWriter output, IContainerEngine docker, CancellationToken cancellationToken)
    {
        output.WriteLine($"Docker engine   {Endpoint(docker)}");
        EngineInfo engine;
        try
        {
            engine = await docker.GetInfoAsync(cancellationToken);
        }
        catch (DockerEngineException ex)
        {
            output.WriteLine($"  unreachable   {ex.Message}");
            return false;
        }

        output.WriteLine($"  version       {engine.ServerVersion} (API {engine.ApiVersion}), {engine.OSType}");
        output.WriteLine($"  swarm         {engine.SwarmState}{(engine.IsSwarmManager ? " (manager)" : string.Empty)}");
        output.WriteLine($"  runtimes      {string.Join(", ", engine.Runtimes.Select(r => r == engine.DefaultRuntime ? $"{r} (default)" : r))}");
        output.WriteLine("Isolation modes");
        foreach (var (mode, available, detail) in IsolationResolver.Describe(engine))
        {
            output.WriteLine($"  {mode.ToString().ToLowerInvariant(),-13} {(available ? "yes" : "no")}: {detail}");
        }

        return true;
    }

    private static async Task<bool> WriteVaultAsync(TextWriter output, IVaultClient vault, CancellationToken cancellationToken)
    {
        output.WriteLine($"Vault           {vault.Address.ToString().TrimEnd('/')}");
        try
        {
            var health = await vault.GetHealthAsync(cancellationToken);
                output.WriteLine($"  state         {health.State}");
            output.WriteLine($"  version       {health.Version ?? "unknown"}{(health.ClusterName is { } cluster ? $", cluster {cluster}" : string.Empty)}");
            return true;
        }
        catch (VaultException ex)
        {
            output.WriteLine($"  unreachable   {ex.Message}");
            return false;
        }
    }

    private static string Endpoint(IContainerEngine docker) => docker is DockerEngine real ? real.Endpoint.ToString() : "docker";
}
