using System.Text;
using SecureLaunch.Cli;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Host;

namespace SecureLaunch.IntegrationTests;

/// <summary>Runs the real CLI in-process against a given environment, capturing what it prints.</summary>
internal sealed class CliRun
{
    private readonly MemoryStream _stdout = new();
    private readonly MemoryStream _stderr = new();

    /// <param name="environment">What the CLI sees as its environment.</param>
    /// <param name="errorIsTerminal">Act as if stderr were a terminal (the live progress display).</param>
    public CliRun(ISystemEnvironment environment, bool errorIsTerminal = false)
    {
        Environment = environment;
        Shutdown = ShutdownSignal.Manual();
        Console = new CliConsole(Stream.Synchronized(_stdout), Stream.Synchronized(_stderr)) { ErrorIsTerminal = errorIsTerminal };
    }

    public ISystemEnvironment Environment { get; }

    public ShutdownSignal Shutdown { get; }

    public CliConsole Console { get; }

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    public Task<int> RunAsync(params string[] args) =>
        CliApp.RunAsync(args, new CliContext(Environment, Console, Shutdown));

    private static string Read(MemoryStream stream)
    {
        lock (stream)
        {
            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }
}
