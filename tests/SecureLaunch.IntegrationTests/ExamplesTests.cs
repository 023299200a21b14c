using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using SecureLaunch.Cli;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// Every example in <c>examples/</c> runs as its header says (<c>run --dev</c> from the repository root, or its
/// script) on the real engine, exits 0 and prints each line of its <c>expected.txt</c>.
/// </summary>
public sealed class ExamplesTests
{
    private static readonly string Root = typeof(ExamplesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static TheoryData<string> Examples => new(
        Directory.GetDirectories(Path.Combine(Root, "examples"))
            .Where(d => File.Exists(Path.Combine(d, "securelaunch.yaml")) && File.Exists(Path.Combine(d, "expected.txt")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToArray()!);

    [Fact]
    public void Every_example_has_its_expected_output()
    {
        var specs = Directory.GetDirectories(Path.Combine(Root, "examples")).Where(d => File.Exists(Path.Combine(d, "securelaunch.yaml")));

        specs.ShouldAllBe(d => File.Exists(Path.Combine(d, "expected.txt")));
        Examples.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_example_runs_and_prints_what_it_promises(string example)
    {
        var directory = Path.Combine(Root, "examples", example);
        var script = Directory.GetFiles(directory, "*.sh").SingleOrDefault();

        // Journals of this run only: another run of the examples on the machine must not look like this launch running.
        var state = Directory.CreateTempSubdirectory("securelaunch-example-state-");
        try
        {
            var (exitCode, stdout, stderr) = script is null ? await RunSpecAsync(example, state.FullName) : await RunScriptAsync(script, state.FullName);
            exitCode.ShouldBe(ExitCodes.Success, stderr);
            foreach (var line in await File.ReadAllLinesAsync(Path.Combine(directory, "expected.txt"), TestContext.Current.CancellationToken))
            {
                stdout.ShouldContain(line, customMessage: stderr);
            }
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    /// <summary>A spec example: <c>securelaunch run --dev -f examples/NAME/securelaunch.yaml</c>, in-process.</summary>
    private static async Task<(int, string, string)> RunSpecAsync(string example, string stateDirectory)
    {
        var cli = new CliRun(new TestEnvironment(Root, new Dictionary<string, string> { ["SECURELAUNCH_STATE_DIR"] = stateDirectory }));
        var exitCode = await cli.RunAsync("run", "--dev", "-f", Path.Combine("examples", example, "securelaunch.yaml"));
        return (exitCode, cli.Stdout, cli.Stderr);
    }

    /// <summary>A script example (a pipeline step): run with bash, SECURELAUNCH naming the CLI built beside the tests.</summary>
    private static async Task<(int, string, string)> RunScriptAsync(string script, string stateDirectory)
    {
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        start.Environment["SECURELAUNCH"] = Path.Combine(AppContext.BaseDirectory, "securelaunch");
        start.Environment["PORT"] = FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["SECURELAUNCH_STATE_DIR"] = stateDirectory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
