using System.Reflection;
using System.Text;
using SecureLaunch.Cli;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Host;

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

    private static string Metadata(string key) =>
        typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
