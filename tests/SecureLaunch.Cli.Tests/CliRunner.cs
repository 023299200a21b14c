using System.Reflection;
using System.Text;
using SecureLaunch.Cli;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Host;
using Shouldly;

namespace SecureLaunch.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, and finds the files tests compare it with.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, ISystemEnvironment? environment = null)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var context = new CliContext(environment ?? ProcessEnvironment.Instance, new CliConsole(stdout, stderr), ShutdownSignal.Manual());
        var exitCode = await CliApp.RunAsync(args, context);
        return (exitCode, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string GoldenDirectory => Metadata("GoldenDirectory");

    /// <summary>Whether the run should rewrite golden files (<c>SECURELAUNCH_UPDATE_GOLDEN=1</c>) instead of comparing.</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("SECURELAUNCH_UPDATE_GOLDEN") == "1";

    /// <summary>
    /// Checks <paramref name="actual"/> against the committed file at <paramref name="path"/>, after rewriting that
    /// file with it when <see cref="UpdateGolden"/> is set.
    /// </summary>
    public static async Task MatchGoldenAsync(string path, string actual, string? customMessage = null)
    {
        if (UpdateGolden)
        {
            await File.WriteAllTextAsync(path, actual, TestContext.Current.CancellationToken);
        }

        actual.ShouldBe(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), customMessage);
    }

    private static string Metadata(string key) =>
        typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
