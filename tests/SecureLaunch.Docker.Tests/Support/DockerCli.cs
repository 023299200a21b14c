using System.Diagnostics;

namespace SecureLaunch.Docker.Tests.Support;

/// <summary>The real <c>docker</c> CLI, for what a test sets up around the adapter (networks, tags).</summary>
internal static class DockerCli
{
    public static async Task<string> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("docker", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        process.ExitCode.ShouldBe(0, $"docker {string.Join(' ', args)}: {await error}");
        return (await output).Trim();
    }
}
