using System.CommandLine;
using System.Text;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Cli.Commands;

internal static partial class VaultCommand
{
    private static Command Unseal(CliContext context)
    {
        var keysFile = new Option<string?>("--keys-file") { Description = "Keys as `vault operator init -format=json` or `securelaunch vault init` write them, or one per line", HelpName = "path" };
        var keyEnv = new Option<string?>("--key-env") { Description = "An environment variable holding one key", HelpName = "name" };
        var file = CommonOptions.VaultAddressFile();
        var envFile = CommonOptions.EnvFile();
        var command = new Command("unseal", "Submit unseal keys until Vault is unsealed; with neither option, prompts without echo") { keysFile, keyEnv, file, envFile };
        command.SetAction((result, _) => UnsealAsync(context, result.GetValue(keysFile), result.GetValue(keyEnv), result.GetValue(file), result.GetValue(envFile)));
        return command;
    }

    private static Task<int> UnsealAsync(CliContext context, string? keysFile, string? keyEnv, string? specFile, string[]? envFiles) =>
        WithVaultAsync(context, specFile, envFiles, async vault =>
        {
            var keys = ReadKeys(context, keysFile, keyEnv);
            var status = await vault.GetSealStatusAsync(context.Shutdown.Token);
            foreach (var key in keys)
            {
                if (!status.Sealed)
                {
                    break;
                }

                status = await vault.UnsealAsync(key(), context.Shutdown.Token);
                context.Console.Error.WriteLine($"securelaunch: unseal progress {(status.Sealed ? status.Progress : status.Threshold)}/{status.Threshold}");
            }

            context.Console.Out.WriteLine(status.Sealed ? $"Vault is still sealed ({status.Progress}/{status.Threshold})" : "Vault is unsealed");
            return status.Sealed ? Sealed : ExitCodes.Success;
        });

    /// <summary>Keys as deferred reads, so a prompt asks only as long as Vault is still sealed.</summary>
    private static IEnumerable<Func<string>> ReadKeys(CliContext context, string? keysFile, string? keyEnv)
    {
        var here = SourceLocation.Of("securelaunch vault unseal");
        if (keysFile is not null)
        {
            var unseal = new UnsealSettings { KeysFile = Path.GetFullPath(keysFile, context.Environment.CurrentDirectory), Location = here };
            return UnsealKeys.Read(unseal, context.Environment).Select(k => (Func<string>)(() => k));
        }

        if (keyEnv is not null)
        {
            var source = new CredentialSource { EnvironmentVariable = keyEnv, Key = "--key-env", Location = here };
            return [() => CredentialReader.Read(source, context.Environment)];
        }

        if (Console.IsInputRedirected)
        {
            throw new LaunchException("no key given: use --keys-file or --key-env, or run in a terminal to be prompted");
        }

        return Enumerable.Repeat<Func<string>>(() => Prompt(context), 255);
    }

    /// <summary>Reads one key from the terminal without echoing it.</summary>
    private static string Prompt(CliContext context)
    {
        context.Console.Error.Write("Unseal key (will be hidden): ");
        var key = new StringBuilder();
        for (var info = Console.ReadKey(intercept: true); info.Key != ConsoleKey.Enter; info = Console.ReadKey(intercept: true))
        {
            if (info.Key == ConsoleKey.Backspace)
            {
                key.Length = Math.Max(0, key.Length - 1);
            }
            else if (!char.IsControl(info.KeyChar))
            {
                key.Append(info.KeyChar);
            }
        }

        context.Console.Error.WriteLine();
        return key.Length > 0 ? key.ToString() : throw new LaunchException("an empty key was entered");
    }
}
