using System.CommandLine;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Output;

namespace SecureLaunch.Cli.Commands;

/// <summary>Options several verbs share, with the same names and help everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> File() => new("--file", "-f")
    {
        Description = "The run spec (default: securelaunch.yaml, then securelaunch.yml, in the current directory)",
        HelpName = "path",
    };

    public static Option<string[]> Set() => new("--set")
    {
        Description = "Override a spec key, e.g. --set containers.web.image=busybox:stable (repeatable)",
        HelpName = "key=value",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> EnvFile() => new("--env-file")
    {
        Description = "Read ${VAR} values from this file (NAME=value lines, as Compose reads them); they win over the environment (repeatable; later files win)",
        HelpName = "path",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>For verbs that only need Vault's address: <c>-f</c> names a spec to take it from.</summary>
    public static Option<string?> VaultAddressFile()
    {
        var file = File();
        file.Description = "Take the Vault address from this spec (default: VAULT_ADDR, then http://127.0.0.1:8200)";
        return file;
    }

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Only warnings and errors from SecureLaunch itself" };

    public static Option<bool> Verbose() => new("--verbose", "-v") { Description = "Also debug detail (never secret values)" };

    /// <summary>On the root command and every verb below it.</summary>
    public static Option<bool> NoColor() => new("--no-color")
    {
        Description = "No colour in SecureLaunch's own messages (also: the NO_COLOR environment variable)",
        Recursive = true,
    };

    /// <summary><c>--output text|json</c>: lines for people, or one JSON event per line on stdout for pipelines.</summary>
    public static Option<string> Output()
    {
        var option = new Option<string>("--output")
        {
            Description = "How to print: text for people, json for one JSON event per line on stdout (docs/json-events.md)",
            HelpName = "text|json",
            DefaultValueFactory = _ => OutputFormats.Text,
        };
        option.CompletionSources.Add(OutputFormats.Text, OutputFormats.Json);
        // One line, not System.CommandLine's list over several.
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not (OutputFormats.Text or OutputFormats.Json) and var value)
            {
                result.AddError($"--output {value}: must be text or json");
            }
        });
        return option;
    }

    public static LogLevel LevelFrom(bool quiet, bool verbose) =>
        quiet ? LogLevel.Warning : verbose ? LogLevel.Debug : LogLevel.Information;
}
