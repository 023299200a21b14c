using System.Diagnostics;
using Shouldly;

namespace SecureLaunch.Cli.Tests;

public sealed class CompletionCommandTests
{
    [Theory]
    [InlineData("bash", "complete -o default -o bashdefault -F _securelaunch_complete securelaunch")]
    [InlineData("zsh", "#compdef securelaunch")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName securelaunch")]
    public async Task Each_shell_gets_its_script(string shell, string line)
    {
        var (exitCode, output, _) = await CliRunner.RunAsync(["completion", shell]);

        exitCode.ShouldBe(0);
        output.ShouldContain(line);
        output.ShouldContain("[suggest:");
    }

    [Fact]
    public async Task The_bash_script_is_valid_bash()
    {
        var (_, script, _) = await CliRunner.RunAsync(["completion", "bash"]);

        var (exitCode, _, error) = await BashAsync("-n", script);

        (exitCode, error).ShouldBe((0, string.Empty));
    }

    [Fact]
    public async Task The_suggest_directive_offers_run_for_r()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync(["[suggest:1]", "r"]);

        exitCode.ShouldBe(0);
        output.Split('\n').ShouldContain("run");
    }

    [Theory]
    [InlineData("securelaunch r", "run")]
    [InlineData("securelaunch vault u", "unseal")]
    [InlineData("securelaunch run --env", "--env-file")]
    [InlineData("securelaunch completion p", "pwsh")]
    public async Task Bash_completes_through_the_installed_executable(string commandLine, string completion)
    {
        // The apphost built beside the tests stands for an installed securelaunch on PATH.
        var (_, script, _) = await CliRunner.RunAsync(["completion", "bash"]);
        var words = commandLine.Split(' ');
        var test = $"""
            {script}
            COMP_LINE='{commandLine}'; COMP_POINT=${"{"}#COMP_LINE{"}"}; COMP_WORDS=({commandLine}); COMP_CWORD={words.Length - 1}
            _securelaunch_complete securelaunch '{words[^1]}' '{words[^2]}'
            printf '%s\n' "${"{"}COMPREPLY[@]{"}"}"
            """;

        var (exitCode, output, _) = await BashAsync("-s", test);

        exitCode.ShouldBe(0);
        output.ShouldBe($"{completion}\n");
    }

    [Fact]
    public async Task An_unknown_shell_is_a_usage_error()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["completion", "fish"]);

        (exitCode, output).ShouldBe((ExitCodes.LaunchFailed, string.Empty));
        error.ShouldStartWith("securelaunch: error: ");
    }

    private static async Task<(int ExitCode, string Output, string Error)> BashAsync(string mode, string script)
    {
        var start = new ProcessStartInfo("bash", mode)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var bin = Path.GetDirectoryName(typeof(CliApp).Assembly.Location)!;
        start.Environment["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}";
        using var bash = Process.Start(start)!;
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = bash.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await bash.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (bash.ExitCode, await output, await error);
    }
}
