using System.Diagnostics;
using System.Globalization;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// The real <c>securelaunch run</c> as a child process, for what in-process runs cannot show: a launcher killed with
/// SIGKILL (nothing of it runs afterwards), or signalled by <c>down --force</c>.
/// </summary>
internal sealed class ChildLauncher : IDisposable
{
    private ChildLauncher(Process process)
    {
        Process = process;
        Stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    public Process Process { get; }

    /// <summary>Everything the launcher wrote on stderr, once it ended.</summary>
    public Task<string> Stderr { get; }

    /// <summary>Starts <c>run -f <paramref name="specFile"/></c> and waits for its container to print <c>started</c>.</summary>
    public static async Task<ChildLauncher> StartAsync(string specFile, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "securelaunch"), ["run", "-f", specFile, "--stop-grace", "2", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("VAULT_TOKEN");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var launcher = new ChildLauncher(Process.Start(start)!);
        var firstLine = await launcher.Process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask()
            .WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        if (firstLine != "started")
        {
            launcher.Dispose();
            throw new InvalidOperationException($"the launcher printed '{firstLine}' instead of 'started': {await launcher.Stderr}");
        }

        return launcher;
    }

    /// <summary>Sends a signal as <c>kill -<paramref name="signal"/></c> would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", Process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Waits for the launcher to end (and reaps it) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await Process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        return Process.ExitCode;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
            Process.WaitForExit();
        }

        Process.Dispose();
    }
}
