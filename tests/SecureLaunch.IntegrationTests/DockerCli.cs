using System.Diagnostics;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>The real <c>docker</c> CLI, to look at what a launch made from the outside.</summary>
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

    /// <summary>A user-defined network for one test; removed when disposed.</summary>
    public static async Task<TestNetwork> NetworkAsync()
    {
        var name = $"sl-it-{Guid.NewGuid():N}"[..20];
        await RunAsync("network", "create", name);
        return new TestNetwork(name);
    }

    internal sealed record TestNetwork(string Name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await RunAsync("network", "rm", Name);
    }
}
