using System.CommandLine;
using SecureLaunch.Cli.Hosting;

namespace SecureLaunch.Cli.Commands;

/// <summary>
/// <c>securelaunch completion bash|zsh|pwsh</c>: a shell script whose completions come from securelaunch itself,
/// through System.CommandLine's <c>[suggest:position]</c> directive (the dotnet-suggest protocol, without needing dotnet-suggest).
/// </summary>
internal static class CompletionCommand
{
    public static readonly string[] Shells = ["bash", "zsh", "pwsh"];

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash, zsh or pwsh" };
        shell.AcceptOnlyFromAmong(Shells);
        var command = new Command("completion", "Print a shell completion script: source <(securelaunch completion bash)") { shell };
        command.SetAction(result =>
        {
            context.Console.Out.Write(Script(result.GetValue(shell)!));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The script for <paramref name="shell"/>, from the resources built into the executable.</summary>
    public static string Script(string shell)
    {
        using var stream = typeof(CompletionCommand).Assembly.GetManifestResourceStream($"completion.{shell}")
            ?? throw new InvalidOperationException($"no completion script for {shell} in the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
