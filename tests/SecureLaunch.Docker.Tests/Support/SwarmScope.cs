using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Docker.Tests.Support;

/// <summary>
/// A <see cref="DockerEngine"/> on the local swarm manager and everything a test created with it: services,
/// secrets and configs named <c>sl-test-...</c> and labelled with this scope's id, all removed on disposal,
/// services first (found by label too, so even a create whose answer was lost goes).
/// </summary>
internal sealed class SwarmScope : IAsyncDisposable
{
    public const string Image = "busybox:stable";
    public const string ScopeLabel = "securelaunch.test.scope";

    public SwarmScope(ILogger? logger = null)
    {
        Engine = new DockerEngine(new DockerEngineOptions { Endpoint = DockerEndpoint.Default }, logger ?? NullLogger.Instance);
    }

    public DockerEngine Engine { get; }

    /// <summary>Labels every object of this scope carries.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string> { [ScopeLabel] = Guid.NewGuid().ToString("N") };

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static string UniqueName(string purpose) => $"sl-test-{purpose}-{Guid.NewGuid():N}"[..40];

    public Task<SwarmObjectInfo> CreateSecretAsync(string purpose, string content) =>
        Engine.CreateSecretAsync(new NewSwarmObject { Name = UniqueName(purpose), Data = System.Text.Encoding.UTF8.GetBytes(content), Labels = Labels }, Token);

    /// <summary>A one-replica service of <see cref="Image"/> running <paramref name="script"/> with sh, labelled with this scope.</summary>
    public SwarmServiceSpec Service(string purpose, string script) => new()
    {
        Name = UniqueName(purpose),
        Image = Image,
        Entrypoint = ["sh", "-c"],
        Command = [script],
        Labels = Labels,
        StopGracePeriod = TimeSpan.FromSeconds(1),
        Restart = new ServiceRestartPolicy { Condition = "any", Delay = TimeSpan.FromMilliseconds(200) },
    };

    public static async Task<string> DockerCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("docker", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync(Token));
        return output;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in await Engine.ListServicesAsync(Labels, CancellationToken.None))
        {
            await Engine.RemoveServiceAsync(service.Id, CancellationToken.None);
        }

        foreach (var secret in await Engine.ListSecretsAsync(Labels, CancellationToken.None))
        {
            await Engine.RemoveSecretAsync(secret.Id, CancellationToken.None);
        }

        foreach (var config in await Engine.ListConfigsAsync(Labels, CancellationToken.None))
        {
            await Engine.RemoveConfigAsync(config.Id, CancellationToken.None);
        }

        Engine.Dispose();
    }
}
