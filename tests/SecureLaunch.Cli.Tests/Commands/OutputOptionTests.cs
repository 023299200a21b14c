using System.Text;
using System.Text.Json;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Host;
using SecureLaunch.TestKit;
using Shouldly;

namespace SecureLaunch.Cli.Tests.Commands;

/// <summary><c>--output json</c> on the verbs that need no engine: every stdout line is a documented event.</summary>
public sealed class OutputOptionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("securelaunch-output-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(int ExitCode, string[] Stdout, string Stderr)> RunAsync(string yaml, params string[] args)
    {
        var spec = Path.Combine(_directory, "securelaunch.yaml");
        await File.WriteAllTextAsync(spec, yaml, TestContext.Current.CancellationToken);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var context = new CliContext(ProcessEnvironment.Instance, new CliConsole(stdout, stderr), ShutdownSignal.Manual());
        var exitCode = await CliApp.RunAsync([.. args, "-f", spec], context);
        var lines = Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (args.Contains("json"))
        {
            lines.SelectMany(JsonEventSchema.Load().Check).ShouldBeEmpty();
        }

        return (exitCode, lines, Encoding.UTF8.GetString(stderr.ToArray()));
    }

    private static JsonElement Parse(string line) => JsonDocument.Parse(line).RootElement;

    [Fact]
    public async Task Validate_writes_spec_valid_then_the_result()
    {
        var (exitCode, stdout, stderr) = await RunAsync(
            "version: 1\nsecrets:\n  db: { path: database/creds/app }\ncontainers:\n  web: { image: busybox:stable }\n", "validate", "--output", "json");

        exitCode.ShouldBe(0);
        stderr.ShouldBeEmpty();
        stdout.Length.ShouldBe(2);
        Parse(stdout[0]).GetProperty("event").GetString().ShouldBe("spec_valid");
        Parse(stdout[0]).GetProperty("secrets").GetInt32().ShouldBe(1);
        Parse(stdout[1]).GetProperty("exitCode").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Validate_writes_each_problem_as_an_error_event_with_its_line_and_column_and_still_one_line_each_on_stderr()
    {
        var (exitCode, stdout, stderr) = await RunAsync("version: 1\ncontainers:\n  web:\n    imgae: busybox\n", "validate", "--output", "json");

        exitCode.ShouldBe(ExitCodes.LaunchFailed);
        stdout.Select(l => Parse(l).GetProperty("event").GetString()).ShouldBe(["error", "error", "result"]);
        var unknownKey = Parse(stdout[1]);
        unknownKey.GetProperty("message").GetString().ShouldEndWith("securelaunch.yaml:4:5: unknown key 'imgae' in 'containers.web'; did you mean 'image'?");
        (unknownKey.GetProperty("line").GetInt32(), unknownKey.GetProperty("column").GetInt32()).ShouldBe((4, 5));
        Parse(stdout[2]).GetProperty("exitCode").GetInt32().ShouldBe(ExitCodes.LaunchFailed);
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }

    [Fact]
    public async Task Text_stays_the_default()
    {
        var (exitCode, stdout, _) = await RunAsync("version: 1\ncontainers:\n  web: { image: busybox:stable }\n", "validate");

        exitCode.ShouldBe(0);
        stdout.ShouldHaveSingleItem().ShouldEndWith(": valid (1 container, 0 secrets)");
    }

    [Fact]
    public async Task An_unknown_format_is_one_error_line_and_125()
    {
        var stderr = new MemoryStream();
        var context = new CliContext(ProcessEnvironment.Instance, new CliConsole(new MemoryStream(), stderr), ShutdownSignal.Manual());

        (await CliApp.RunAsync(["validate", "--output", "yaml"], context)).ShouldBe(ExitCodes.LaunchFailed);

        Encoding.UTF8.GetString(stderr.ToArray()).ShouldBe("securelaunch: error: --output yaml: must be text or json\nRun 'securelaunch --help' for usage.\n");
    }
}
