using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Agent;
using SecureLaunch.Core.Deploy;
using SecureLaunch.Core.Launching;

namespace SecureLaunch.Cli.Commands;

/// <summary>
/// <c>securelaunch agent</c>: the in-cluster keeper of deployed launches (docs/deploy.md). It runs until SIGTERM, then
/// lets go of its launches for the next agent. <c>agent install</c> deploys it as a Swarm service.
/// </summary>
internal static partial class AgentCommand
{
    /// <summary>Where Swarm mounts the agent's private key in its tasks.</summary>
    public const string DefaultKeyFile = "/run/secrets/securelaunch-agent-key";

    /// <summary>Set by <c>agent install</c> to Swarm's <c>{{.Task.ID}}</c>: names the owner of the launches the agent keeps.</summary>
    public const string TaskVariable = "SECURELAUNCH_AGENT_TASK";

    public static Command Create(CliContext context)
    {
        var keyFile = new Option<string>("--key-file")
        {
            Description = "The agent's private key (PKCS#8), as Swarm mounts it",
            DefaultValueFactory = _ => DefaultKeyFile,
            HelpName = "path",
        };
        var vaultAddress = VaultAddress();
        var poll = new Option<string>("--poll") { Description = "How often to look for hand-offs", DefaultValueFactory = _ => "2s", HelpName = "duration" };
        var heartbeat = new Option<string>("--heartbeat")
        {
            Description = "How often a launch's state is written when nothing changed; another agent takes a launch over after three missed",
            DefaultValueFactory = _ => "15s",
            HelpName = "duration",
        };
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var command = new Command("agent", "Keep deployed launches alive in the swarm: take hand-offs, renew and rotate, resume after a reschedule")
        {
            keyFile, vaultAddress, poll, heartbeat, quiet, verbose,
        };
        command.Subcommands.Add(CreateInstall(context));
        command.SetAction((result, _) => RunAsync(context, new AgentArguments(
            result.GetValue(keyFile)!, result.GetValue(vaultAddress), result.GetValue(poll)!, result.GetValue(heartbeat)!, CommonOptions.LevelFrom(result.GetValue(quiet), result.GetValue(verbose)))));
        return command;
    }

    private static Option<string?> VaultAddress() => new("--vault-addr")
    {
        Description = "The Vault every launch's token belongs to (default: VAULT_ADDR)",
        HelpName = "url",
    };

    private static async Task<int> RunAsync(CliContext context, AgentArguments arguments)
    {
        if (!DeployOptions.TryDuration(context, "--poll", arguments.Poll, out var poll) || !DeployOptions.TryDuration(context, "--heartbeat", arguments.Heartbeat, out var heartbeat))
        {
            return ExitCodes.LaunchFailed;
        }

        if (ResolveVault(context, arguments.VaultAddress) is not { } address)
        {
            return ExitCodes.LaunchFailed;
        }

        AgentKey key;
        try
        {
            key = AgentKey.ImportPem(context.Environment.ReadAllText(arguments.KeyFile));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            context.Console.WriteError($"--key-file {arguments.KeyFile}: cannot read the agent's key: {ex.Message} (securelaunch agent install creates it as a Swarm secret)");
            return ExitCodes.LaunchFailed;
        }

        using var loggers = CliLogging.ToStandardError(context.Console, arguments.Level);
        try
        {
            using (key)
            using (var docker = Engines.CreateDocker(context, loggers))
            {
                var target = new VaultTarget(address, null, "a launch's token");
                var agent = new DeployAgent(new AgentOptions
                {
                    Key = key,
                    Swarm = docker,
                    Docker = docker,
                    VaultFactory = () => Engines.CreateVault(context, target, null, loggers),
                    Logger = loggers.CreateLogger(CliLogging.LaunchCategory),
                    Environment = context.Environment,
                    TimeProvider = context.TimeProvider,
                    Owner = context.Environment.GetVariable(TaskVariable) is { Length: > 0 } task ? task : $"{Environment.MachineName}-{Environment.ProcessId}",
                    InitBinaryPath = NativeInit.Resolve(context.Environment),
                    PollInterval = poll,
                    HeartbeatInterval = heartbeat,
                });
                await agent.RunAsync(context.Shutdown.Token);
            }

            return context.Shutdown.ExitCode != 0 ? context.Shutdown.ExitCode : ExitCodes.Success;
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            context.Console.WriteError(Failures.Describe(ex));
            return ExitCodes.LaunchFailed;
        }
    }

    /// <summary>The Vault address from the option, then VAULT_ADDR; an error line when there is none or it is not a URL.</summary>
    private static Uri? ResolveVault(CliContext context, string? option)
    {
        var text = option ?? context.Environment.GetVariable("VAULT_ADDR");
        if (string.IsNullOrWhiteSpace(text))
        {
            context.Console.WriteError("--vault-addr: the agent needs the Vault its launches' tokens belong to; pass --vault-addr URL or set VAULT_ADDR");
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            context.Console.WriteError($"--vault-addr '{text}': must be an http:// or https:// URL");
            return null;
        }

        return address;
    }

    private sealed record AgentArguments(string KeyFile, string? VaultAddress, string Poll, string Heartbeat, LogLevel Level);
}
