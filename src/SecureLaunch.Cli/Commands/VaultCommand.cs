using System.CommandLine;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Launching;
using SecureLaunch.Vault;
using SecureLaunch.Vault.Sys;

namespace SecureLaunch.Cli.Commands;

/// <summary><c>securelaunch vault status|init|unseal</c>: the seal lifecycle of a Vault (the Consul- or file-backed flow).</summary>
internal static partial class VaultCommand
{
    /// <summary><c>vault status</c> exits 2 when Vault is sealed, as <c>vault status</c> does.</summary>
    public const int Sealed = 2;

    public static Command Create(CliContext context)
    {
        var command = new Command("vault", "Vault's seal lifecycle: status, init, unseal (needs no token)");
        command.Subcommands.Add(Status(context));
        command.Subcommands.Add(Init(context));
        command.Subcommands.Add(Unseal(context));
        return command;
    }

    private static Command Status(CliContext context)
    {
        var file = CommonOptions.VaultAddressFile();
        var envFile = CommonOptions.EnvFile();
        var format = CommonOptions.Output();
        var command = new Command("status", "Initialised, sealed, unseal progress; exits 2 when sealed") { file, envFile, format };
        command.SetAction((result, _) => OutputFormats.RunAsync(context, result.GetValue(format), c => WithVaultAsync(c, result.GetValue(file), result.GetValue(envFile), async vault =>
        {
            var status = await vault.GetSealStatusAsync(c.Shutdown.Token);
            if (c.Console.Json is { } json)
            {
                WriteStatusJson(json, vault, status);
                return status.Sealed ? Sealed : ExitCodes.Success;
            }

            var output = c.Console.Out;
            output.WriteLine($"Vault           {vault.Address.ToString().TrimEnd('/')}");
            output.WriteLine($"  initialised   {(status.Initialized ? "yes" : "no")}");
            output.WriteLine($"  sealed        {(status.Sealed ? "yes" : "no")}");
            output.WriteLine($"  key shares    {status.Shares} (threshold {status.Threshold})");
            if (status.Sealed)
            {
                output.WriteLine($"  progress      {status.Progress}/{status.Threshold}");
            }

            output.WriteLine($"  version       {status.Version ?? "unknown"}");
            return status.Sealed ? Sealed : ExitCodes.Success;
        })));
        return command;
    }

    private static void WriteStatusJson(JsonEventWriter json, IVaultClient vault, VaultSealStatus status) => json.Write("vault_status", j =>
    {
        j.WriteString("address", vault.Address.ToString().TrimEnd('/'));
        j.WriteBoolean("initialized", status.Initialized);
        j.WriteBoolean("sealed", status.Sealed);
        j.WriteNumber("shares", status.Shares);
        j.WriteNumber("threshold", status.Threshold);
        j.WriteNumber("progress", status.Progress);
        j.WriteString("version", status.Version);
    });

    /// <summary>Runs <paramref name="action"/> with a token-less client for the spec's or VAULT_ADDR's Vault.</summary>
    private static async Task<int> WithVaultAsync(CliContext context, string? specFile, string[]? envFiles, Func<IVaultClient, Task<int>> action)
    {
        if (!SpecCommandBase.TryLoadVaultSettings(context, specFile, out var settings, envFiles))
        {
            return ExitCodes.LaunchFailed;
        }

        try
        {
            var address = VaultTarget.ResolveAddress(settings, context.Environment);
            using var vault = Engines.CreateVault(context, new VaultTarget(address, null, "none"), settings, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            return await action(vault);
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            context.Console.WriteError(Failures.Describe(ex));
            return ExitCodes.LaunchFailed;
        }
    }
}
