using System.CommandLine;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.DevVault;

namespace SecureLaunch.Cli.Commands;

/// <summary><c>securelaunch dev-vault</c>: the embedded dev Vault on its own, as <c>vault server -dev</c> runs.</summary>
internal static class DevVaultCommand
{
    public static Command Create(CliContext context)
    {
        var listen = new Option<string>("--listen")
        {
            Description = "Address to listen on (loopback only: the dev Vault keeps everything in memory, unprotected)",
            DefaultValueFactory = _ => "127.0.0.1:8200",
            HelpName = "host:port",
        };
        var seed = new Option<string?>("--seed") { Description = "A spec whose dev: section seeds KV secrets and database roles", HelpName = "path" };
        var rootToken = new Option<string?>("--root-token") { Description = "Use this root token instead of a random one (like -dev-root-token-id)", HelpName = "token" };
        var command = new Command("dev-vault", "Run the embedded, in-memory, Vault-API-compatible dev server") { listen, seed, rootToken };
        command.SetAction((result, _) => RunAsync(context, result.GetValue(listen)!, result.GetValue(seed), result.GetValue(rootToken)));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string listen, string? seedPath, string? rootToken)
    {
        if (!IsLoopback(listen))
        {
            context.Console.WriteError($"--listen {listen}: the dev Vault only listens on loopback (127.0.0.1 or [::1])");
            return ExitCodes.LaunchFailed;
        }

        try
        {
            var seed = seedPath is null ? DevVaultSeed.Empty : DevVaultSeed.FromYamlFile(Path.GetFullPath(seedPath, context.Environment.CurrentDirectory));
            await using var server = await DevVaultServer.StartAsync(
                new DevVaultOptions { Listen = listen, Seed = seed, RootToken = rootToken }, context.Shutdown.Token);
            var output = context.Console.Out;
            output.WriteLine("==> SecureLaunch dev Vault started: in memory, unsealed, a root token. Never use it in production.");
            output.WriteLine();
            output.WriteLine("You may need to set the following environment variables:");
            output.WriteLine();
            output.WriteLine($"    $ export VAULT_ADDR='{server.Address.ToString().TrimEnd('/')}'");
            output.WriteLine($"    $ export VAULT_TOKEN='{server.RootToken}'");
            output.WriteLine();
            output.WriteLine($"Root Token: {server.RootToken}");
            output.WriteLine();
            output.WriteLine("==> Serving until SIGINT or SIGTERM.");
            await Task.Delay(Timeout.InfiniteTimeSpan, context.TimeProvider, context.Shutdown.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (Failures.IsExpected(ex) || ex is IOException)
        {
            context.Console.WriteError(Failures.Describe(ex));
            return ExitCodes.LaunchFailed;
        }
    }

    private static bool IsLoopback(string listen)
    {
        var colon = listen.LastIndexOf(':');
        var host = (colon > 0 ? listen[..colon] : listen).Trim('[', ']');
        return host is "localhost" || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
    }
}
