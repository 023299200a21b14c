using System.Diagnostics;

namespace SecureLaunch.IntegrationTests;

/// <summary>Runs one of the repository's bash scripts with a time limit, collecting what it printed.</summary>
internal static class BashScript
{
    /// <exception cref="TimeoutException">The script ran past <paramref name="limit"/>; it and its children were killed.</exception>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string script, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [script, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(limit);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(script)} {string.Join(' ', arguments)} did not finish within {limit}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
