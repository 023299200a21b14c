using System.Text;
using SecureLaunch.Cli;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Host;
using Shouldly;

namespace SecureLaunch.Cli.Tests;

/// <summary>Bad input to <c>down</c> and <c>status</c>: one clear line, exit 125, before any journal or engine is touched.</summary>
public sealed class DownAndStatusInputTests
{
    [Fact]
    public async Task Down_without_a_name_and_without_a_spec_says_how_to_name_the_launch()
    {
        var (exitCode, _, stderr) = await RunAsync("down");

        exitCode.ShouldBe(ExitCodes.LaunchFailed);
        stderr.ShouldBe(
            $"securelaunch: error: no spec file: found neither securelaunch.yaml nor securelaunch.yml in {Environment.CurrentDirectory}; name one with -f\n" +
            "Name the launch: securelaunch down NAME (securelaunch status lists them).\n");
    }

    [Theory]
    [InlineData("down")]
    [InlineData("status")]
    public async Task A_name_that_is_not_a_launch_name_is_refused(string verb)
    {
        var (exitCode, stdout, stderr) = await RunAsync(verb, "../../etc/passwd");

        exitCode.ShouldBe(ExitCodes.LaunchFailed);
        stderr.ShouldBe("securelaunch: error: '../../etc/passwd' is not a launch name: a letter, then letters, digits, '_' or '-'\n");
        stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Status_output_is_text_or_json()
    {
        var (exitCode, _, stderr) = await RunAsync("status", "--output", "yaml");

        exitCode.ShouldBe(ExitCodes.LaunchFailed);
        stderr.ShouldStartWith("securelaunch: error: Argument 'yaml' not recognized. Must be one of:");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var exitCode = await CliApp.RunAsync(args, new CliContext(ProcessEnvironment.Instance, new CliConsole(stdout, stderr), ShutdownSignal.Manual()));
        return (exitCode, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }
}
