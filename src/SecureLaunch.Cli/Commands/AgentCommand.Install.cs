using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Deploy;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Cli.Commands;

/// <summary>
/// <c>securelaunch agent install</c>: the agent as a Swarm service on managers, restarted by Swarm, with the node's
/// Docker socket and its private key (a Swarm secret, made here once and reused) mounted. Idempotent.
/// </summary>
internal static partial class AgentCommand
{
    private static Command CreateInstall(CliContext context)
    {
        var vaultAddress = VaultAddress();
        var image = new Option<string>("--image") { Description = "SecureLaunch's image (scripts/agent-image.sh builds one offline)", DefaultValueFactory = _ => "securelaunch:local", HelpName = "image" };
        var name = new Option<string>("--name") { Description = "The agent service's name", DefaultValueFactory = _ => "securelaunch-agent", HelpName = "name" };
        var socket = new Option<string>("--socket") { Description = "The Docker socket on each manager, mounted into the agent", DefaultValueFactory = _ => "/var/run/docker.sock", HelpName = "path" };
        var network = new Option<string>("--network") { Description = "The network the agent joins to reach Vault (host: the node's own)", DefaultValueFactory = _ => "host", HelpName = "network" };
        var command = new Command("install", "Deploy the agent as a Swarm service on the managers (with its key as a Swarm secret)")
        {
            vaultAddress, image, name, socket, network,
        };
        command.SetAction((result, _) => InstallAsync(context, result.GetValue(vaultAddress), result.GetValue(image)!, result.GetValue(name)!, result.GetValue(socket)!, result.GetValue(network)!));
        return command;
    }

    private static async Task<int> InstallAsync(CliContext context, string? vaultOption, string image, string name, string socket, string network)
    {
        if (ResolveVault(context, vaultOption) is not { } address)
        {
            return ExitCodes.LaunchFailed;
        }

        using var loggers = CliLogging.ToStandardError(context.Console, LogLevel.Warning);
        try
        {
            using var docker = Engines.CreateDocker(context, loggers);
            var token = context.Shutdown.Token;
            var existing = await docker.ListServicesAsync(DeployLabels.OfRole(DeployLabels.AgentRole), token);
            if (existing.Count > 0)
            {
                context.Console.Out.WriteLine($"installed already: service {existing[0].Name} (remove it with docker service rm {existing[0].Name} to install again; its key is kept)");
                return ExitCodes.Success;
            }

            var (secret, fingerprint) = await EnsureKeyAsync(docker, context.TimeProvider, token);
            var spec = new SwarmServiceSpec
            {
                Name = name,
                Image = image,
                Command = ["agent", "--vault-addr", address.ToString(), "--key-file", DefaultKeyFile],
                Environment = new Dictionary<string, string>(StringComparer.Ordinal) { [TaskVariable] = "{{.Task.ID}}" },
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [DeployLabels.Role] = DeployLabels.AgentRole, [DeployLabels.KeyFingerprint] = fingerprint },
                Secrets = [new SwarmFileReference(secret.Id, secret.Name, Path.GetFileName(DefaultKeyFile), 0, 0, UnixFileMode.UserRead)],
                Mounts = [new SwarmBindMount(socket, "/var/run/docker.sock", ReadOnly: false)],
                Networks = network.Length > 0 ? [network] : [],
                Constraints = ["node.role == manager"],
                Restart = new ServiceRestartPolicy { Condition = "any", Delay = TimeSpan.FromSeconds(2) },
                StopGracePeriod = TimeSpan.FromSeconds(30),
            };
            var id = await docker.CreateServiceAsync(spec, token);
            var converged = await docker.WaitForConvergenceAsync(id, TimeSpan.FromMinutes(2), token);
            context.Console.Out.WriteLine($"installed: service {name} ({converged.Running.Count} task running on a manager), key {fingerprint}");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            context.Console.WriteError(Failures.Describe(ex));
            return ExitCodes.LaunchFailed;
        }
    }

    /// <summary>
    /// The agent's key: the one already in the swarm (its private half stays in its Swarm secret, never read back), or a
    /// new pair whose private half goes straight into a new Swarm secret and whose public half is published.
    /// </summary>
    private static async Task<(SwarmObjectInfo Secret, string Fingerprint)> EnsureKeyAsync(ISwarmEngine swarm, TimeProvider time, CancellationToken cancellationToken)
    {
        var store = new ClusterStore(swarm, time);
        var secrets = await swarm.ListSecretsAsync(DeployLabels.OfRole(DeployLabels.AgentKeyRole), cancellationToken);
        if (await store.FindAgentKeyAsync(cancellationToken) is { } published
            && secrets.FirstOrDefault(s => s.Labels.GetValueOrDefault(DeployLabels.KeyFingerprint) == AgentKey.FingerprintOf(published)) is { } kept)
        {
            return (kept, AgentKey.FingerprintOf(published));
        }

        using var key = AgentKey.Generate();
        var pem = Encoding.ASCII.GetBytes(key.ExportPrivateKeyPem());
        try
        {
            var secret = await swarm.CreateSecretAsync(
                new NewSwarmObject
                {
                    Name = $"securelaunch-agent-key-{key.Fingerprint}",
                    Data = pem,
                    Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [DeployLabels.Role] = DeployLabels.AgentKeyRole, [DeployLabels.KeyFingerprint] = key.Fingerprint },
                },
                cancellationToken);
            await store.PublishKeyAsync(key, cancellationToken);
            return (secret, key.Fingerprint);
        }
        finally
        {
            Array.Clear(pem);
        }
    }
}
