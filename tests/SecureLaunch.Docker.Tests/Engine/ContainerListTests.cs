using SecureLaunch.Docker.Tests.Support;

namespace SecureLaunch.Docker.Tests.Engine;

public sealed class ContainerListTests : IAsyncDisposable
{
    private readonly EngineScope _scope = new();

    [Fact(Timeout = 60_000)]
    public async Task Labels_find_the_container_running_or_not_and_nothing_else()
    {
        var launch = $"launch-{Guid.NewGuid():N}";
        var created = _scope.Spec("list-created", "true");
        var running = _scope.Spec("list-running", "sleep", "60");
        var other = _scope.Spec("list-other", "true");
        created = created with { Labels = new Dictionary<string, string>(created.Labels) { ["securelaunch.launch"] = launch } };
        running = running with { Labels = new Dictionary<string, string>(running.Labels) { ["securelaunch.launch"] = launch } };
        var createdId = await _scope.CreateAsync(created);
        var runningId = await _scope.CreateAsync(running);
        await _scope.CreateAsync(other);
        await _scope.Engine.StartContainerAsync(runningId, EngineScope.Token);

        var listed = await _scope.Engine.ListContainersAsync(
            new Dictionary<string, string> { [EngineScope.TestLabel] = "1", ["securelaunch.launch"] = launch }, EngineScope.Token);

        listed.Select(c => (c.Id, c.Name, c.State)).OrderBy(c => c.Name).ShouldBe(
            new[] { (createdId, created.Name, "created"), (runningId, running.Name, "running") }.OrderBy(c => c.Name));
        listed.ShouldAllBe(c => c.Image == EngineScope.Image && c.Labels["securelaunch.launch"] == launch);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
