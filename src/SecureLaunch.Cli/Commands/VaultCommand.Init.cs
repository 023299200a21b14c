using System.CommandLine;
using System.Text.Json;
using SecureLaunch.Cli.Hosting;

namespace SecureLaunch.Cli.Commands;

internal static partial class VaultCommand
{
    private static Command Init(CliContext context)
    {
        var shares = new Option<int>("--key-shares") { Description = "Number of unseal key shares", DefaultValueFactory = _ => 5, HelpName = "n" };
        var threshold = new Option<int>("--key-threshold") { Description = "Shares needed to unseal", DefaultValueFactory = _ => 3, HelpName = "n" };
        var output = new Option<string>("--output", "-o")
        {
            Description = "File to write the unseal keys and root token to (created with mode 0600; must not exist)",
            HelpName = "path",
            Required = true,
        };
        var file = CommonOptions.VaultAddressFile();
        var envFile = CommonOptions.EnvFile();
        var command = new Command("init", "Initialise Vault; the keys and root token go to a 0600 file, never to the terminal") { shares, threshold, output, file, envFile };
        command.SetAction((result, _) => InitAsync(context, result.GetValue(shares), result.GetValue(threshold), result.GetValue(output)!, result.GetValue(file), result.GetValue(envFile)));
        return command;
    }

    private static Task<int> InitAsync(CliContext context, int shares, int threshold, string output, string? specFile, string[]? envFiles)
    {
        if (shares is < 1 or > 255 || threshold < 1 || threshold > shares)
        {
            context.Console.WriteError($"--key-shares {shares} --key-threshold {threshold}: need 1 <= threshold <= shares <= 255");
            return Task.FromResult(ExitCodes.LaunchFailed);
        }

        var path = Path.GetFullPath(output, context.Environment.CurrentDirectory);
        if (File.Exists(path))
        {
            context.Console.WriteError($"--output {output}: the file exists; refusing to overwrite what may be the only copy of unseal keys");
            return Task.FromResult(ExitCodes.LaunchFailed);
        }

        return WithVaultAsync(context, specFile, envFiles, async vault =>
        {
            var result = await vault.InitializeAsync(shares, threshold, context.Shutdown.Token);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            // Same field names as `vault operator init -format=json`, so either tool's file unseals with either.
            await using (var stream = new FileStream(path, options))
            await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                WriteArray(writer, "unseal_keys_b64", result.KeysBase64);
                WriteArray(writer, "unseal_keys_hex", result.Keys);
                writer.WriteNumber("unseal_shares", shares);
                writer.WriteNumber("unseal_threshold", threshold);
                writer.WriteString("root_token", result.RootToken);
                writer.WriteEndObject();
            }

            var error = context.Console.Error;
            error.WriteLine($"securelaunch: Vault {vault.Address.ToString().TrimEnd('/')} is initialised: {shares} unseal key shares (threshold {threshold}) and the root token are in {output} (mode 0600).");
            error.WriteLine("securelaunch: THAT FILE IS THE ONLY COPY. Split the keys among their holders, store the root token safely, then delete it.");
            error.WriteLine("securelaunch: Vault stays sealed until unsealed: securelaunch vault unseal --keys-file " + output);
            return ExitCodes.Success;
        });
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
