using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Docker.Containers;

namespace SecureLaunch.Docker.Tests.Support;

/// <summary>
/// A <see cref="DockerEngine"/> on the local daemon and the containers a test made with it: unique names,
/// the <c>securelaunch.test=1</c> label, all removed (by name, so even a create whose answer was lost)
/// when the scope is disposed.
/// </summary>
internal sealed class EngineScope : IAsyncDisposable
{
    public const string Image = "busybox:stable";
    public const string TestLabel = "securelaunch.test";
    public const string NameLabel = "securelaunch.test.name";

    private readonly List<string> _names = [];

    public EngineScope(ILogger? logger = null)
    {
        Engine = new DockerEngine(new DockerEngineOptions { Endpoint = DockerEndpoint.Default }, logger ?? NullLogger.Instance);
    }

    public DockerEngine Engine { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A spec with a unique name, the test label and a label carrying that name.</summary>
    public ContainerSpec Spec(string purpose, params string[] command)
    {
        var name = $"sl-test-{purpose}-{Guid.NewGuid():N}";
        return new ContainerSpec
        {
            Name = name,
            Image = Image,
            Command = command,
            Labels = new Dictionary<string, string> { [TestLabel] = "1", [NameLabel] = name },
        };
    }

    /// <summary>The label filter that finds this spec's container and no other test's.</summary>
    public static IReadOnlyDictionary<string, string> OnlyThis(ContainerSpec spec) =>
        new Dictionary<string, string> { [TestLabel] = "1", [NameLabel] = spec.Name };

    public async Task<string> CreateAsync(ContainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Labels.ShouldContainKey(TestLabel);
        _names.Add(spec.Name);
        return await Engine.CreateContainerAsync(spec, Token);
    }

    /// <summary>Create, attach, start, wait, drain: what <c>docker run</c> does.</summary>
    public async Task<RunResult> RunAsync(ContainerSpec spec)
    {
        var id = await CreateAsync(spec);
        var stdout = new CapturingStream();
        var stderr = new CapturingStream();
        await using var attachment = await Engine.AttachAsync(id, stdout, stderr, Token);
        await Engine.StartContainerAsync(id, Token);
        var exitCode = await Engine.WaitContainerAsync(id, Token);
        await attachment.Completion.WaitAsync(Token);
        return new RunResult(exitCode, stdout.Text, stderr.Text);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in _names)
        {
            await Engine.RemoveContainerAsync(name, CancellationToken.None);
        }

        Engine.Dispose();
    }
}
