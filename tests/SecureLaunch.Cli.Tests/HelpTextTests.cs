using System.Text;
using SecureLaunch.Cli;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Host;
using Shouldly;

namespace SecureLaunch.Cli.Tests;

/// <summary>
/// Help text is part of the interface: it is checked against golden files in <c>Golden/</c>.
/// Run with <c>SECURELAUNCH_UPDATE_GOLDEN=1</c> to rewrite them after a deliberate change, then review the diff.
/// </summary>
public sealed class HelpTextTests
{
    public static TheoryData<string> Verbs => new(string.Empty, "run", "validate", "plan", "status", "down", "schema", "info", "vault", "dev-vault", "version", "completion");

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Help_matches_the_golden_file(string verb)
    {
        var (exitCode, output) = await RunAsync(verb.Length == 0 ? ["--help"] : [verb, "--help"]);

        exitCode.ShouldBe(0);
        await CliRunner.MatchGoldenAsync(Path.Combine(CliRunner.GoldenDirectory, $"{(verb.Length == 0 ? "root" : verb)}.help.txt"), output);
    }

    [Fact]
    public async Task The_root_help_lists_every_verb()
    {
        var (_, output) = await RunAsync(["--help"]);

        foreach (var verb in new[] { "run", "validate", "plan", "status", "down", "info", "dev-vault", "version" })
        {
            output.ShouldContain($"  {verb} ");
        }
    }

    [Fact]
    public async Task An_unknown_verb_fails_with_125_and_one_error_line()
    {
        var stderr = new MemoryStream();
        var console = new CliConsole(new MemoryStream(), stderr);

        var exitCode = await CliApp.RunAsync(["lanch"], new CliContext(ProcessEnvironment.Instance, console, ShutdownSignal.Manual()));

        exitCode.ShouldBe(ExitCodes.LaunchFailed);
        Encoding.UTF8.GetString(stderr.ToArray()).ShouldStartWith("securelaunch: error: ");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        var stdout = new MemoryStream();
        var console = new CliConsole(stdout, new MemoryStream());
        var context = new CliContext(ProcessEnvironment.Instance, console, ShutdownSignal.Manual());
        var exitCode = await CliApp.RunAsync(args, context);
        var rootName = CliApp.BuildRoot(context).Name;
        var output = Encoding.UTF8.GetString(stdout.ToArray()).Replace(rootName, "securelaunch", StringComparison.Ordinal);
        return (exitCode, output);
    }
}
