using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Core.Launching;
using SecureLaunch.DevVault;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Containers;

namespace SecureLaunch.IntegrationTests;

/// <summary>A dev Vault on a free loopback port and the real Docker engine, for one test.</summary>
internal sealed class LaunchFixture : IAsyncDisposable
{
    private LaunchFixture(DevVaultServer vault, DockerEngine docker, string name)
    {
        Vault = vault;
        Docker = docker;
        Name = name;
    }

    public DevVaultServer Vault { get; }

    public DockerEngine Docker { get; }

    /// <summary>A launch name unique to this test, so its containers can be found by label.</summary>
    public string Name { get; }

    /// <summary>This test's own journal directory (<c>SECURELAUNCH_STATE_DIR</c>), so no test reads or leaves journals elsewhere.</summary>
    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), $"securelaunch-state-{Guid.NewGuid():N}");

    public static Task<LaunchFixture> StartAsync(string seedYaml) => StartAsync(seedYaml, seed => seed);

    /// <summary>As <see cref="StartAsync(string)"/>, with what YAML cannot seed (keys, JWT roles) added by <paramref name="extend"/>.</summary>
    /// <param name="seedYaml">The dev Vault's seed.</param>
    /// <param name="extend">Adds what YAML cannot seed (keys, JWT roles).</param>
    /// <param name="listen">Where the dev Vault listens (default: a free loopback port), e.g. the host's address on the test cluster.</param>
    /// <param name="docker">The engine to use (default: DOCKER_HOST), e.g. the test cluster's manager.</param>
    public static async Task<LaunchFixture> StartAsync(string seedYaml, Func<DevVaultSeed, DevVaultSeed> extend, string? listen = null, Uri? docker = null)
    {
        var vault = await DevVaultServer.StartAsync(
            new DevVaultOptions { Seed = extend(DevVaultSeed.FromYaml(seedYaml, "seed.yaml")), Listen = listen ?? "127.0.0.1:0" }, TestContext.Current.CancellationToken);
        var engine = new DockerEngine(
            new DockerEngineOptions { Endpoint = docker ?? DockerEndpoint.Resolve(System.Environment.GetEnvironmentVariable("DOCKER_HOST")) },
            NullLogger.Instance);
        return new LaunchFixture(vault, engine, $"it-{Guid.NewGuid():N}"[..15]);
    }

    /// <summary>The variables pointing the CLI at this fixture's dev Vault with its root token, and at its journals.</summary>
    public Dictionary<string, string> Variables => new()
    {
        ["VAULT_ADDR"] = Vault.Address.ToString(),
        ["VAULT_TOKEN"] = Vault.RootToken,
        ["SECURELAUNCH_STATE_DIR"] = StateDirectory,
    };

    /// <summary>An environment with <see cref="Variables"/>, for the CLI run in-process.</summary>
    public TestEnvironment Environment(string directory) => new(directory, Variables);

    /// <summary>Every container, running or not, of launches with this fixture's name.</summary>
    public Task<IReadOnlyList<ContainerSummary>> ContainersAsync() =>
        Docker.ListContainersAsync(new Dictionary<string, string> { [LaunchLabels.Name] = Name }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var container in await ContainersAsync())
        {
            await Docker.RemoveContainerAsync(container.Id, CancellationToken.None);
        }

        Docker.Dispose();
        await Vault.DisposeAsync();
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
