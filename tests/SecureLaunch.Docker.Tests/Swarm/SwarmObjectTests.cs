using SecureLaunch.Docker.Swarm;
using SecureLaunch.Docker.Tests.Support;

namespace SecureLaunch.Docker.Tests.Swarm;

public sealed class SwarmObjectTests : IAsyncDisposable
{
    private readonly SwarmScope _scope = new();

    [Fact(Timeout = 60_000)]
    public async Task This_engine_is_an_active_swarm_manager()
    {
        var status = await _scope.Engine.GetSwarmStatusAsync(SwarmScope.Token);

        status.LocalNodeState.ShouldBe("active");
        status.CanDeploy.ShouldBeTrue();
        status.NodeId.ShouldNotBeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_secret_is_found_by_its_labels_and_removed()
    {
        var labels = new Dictionary<string, string>(_scope.Labels) { ["securelaunch.test.kind"] = "labelled" };
        var created = await _scope.Engine.CreateSecretAsync(
            new NewSwarmObject { Name = SwarmScope.UniqueName("labels"), Data = "v1"u8.ToArray(), Labels = labels }, SwarmScope.Token);
        await _scope.CreateSecretAsync("other", "v2");

        var found = await _scope.Engine.ListSecretsAsync(labels, SwarmScope.Token);
        await _scope.Engine.RemoveSecretAsync(created.Id, SwarmScope.Token);
        await _scope.Engine.RemoveSecretAsync(created.Id, SwarmScope.Token);

        found.ShouldHaveSingleItem().Id.ShouldBe(created.Id);
        found[0].Labels["securelaunch.test.kind"].ShouldBe("labelled");
        (await _scope.Engine.ListSecretsAsync(labels, SwarmScope.Token)).ShouldBeEmpty();
    }

    [Theory(Timeout = 60_000)]
    [InlineData(0)]
    [InlineData(SwarmObjectLimits.MaxSecretBytes + 1)]
    public async Task A_secret_swarm_would_refuse_is_refused_before_the_call(int size)
    {
        var name = SwarmScope.UniqueName("size");

        var error = await Should.ThrowAsync<DockerEngineException>(() => _scope.Engine.CreateSecretAsync(
            new NewSwarmObject { Name = name, Data = new byte[size], Labels = _scope.Labels }, SwarmScope.Token));

        error.Message.ShouldBe($"create secret {name}: its data is {size} bytes; Swarm takes 1 to 511999 bytes (under 500 KiB)");
        (await _scope.Engine.ListSecretsAsync(_scope.Labels, SwarmScope.Token)).ShouldBeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_secret_of_the_largest_size_swarm_takes_is_created()
    {
        var created = await _scope.Engine.CreateSecretAsync(
            new NewSwarmObject { Name = SwarmScope.UniqueName("max"), Data = new byte[SwarmObjectLimits.MaxSecretBytes], Labels = _scope.Labels }, SwarmScope.Token);

        created.Id.ShouldNotBeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_config_larger_than_a_secret_may_be_is_created_found_and_removed()
    {
        var created = await _scope.Engine.CreateConfigAsync(
            new NewSwarmObject { Name = SwarmScope.UniqueName("config"), Data = new byte[800 * 1024], Labels = _scope.Labels }, SwarmScope.Token);

        var found = await _scope.Engine.ListConfigsAsync(_scope.Labels, SwarmScope.Token);
        await _scope.Engine.RemoveConfigAsync(created.Id, SwarmScope.Token);

        found.ShouldHaveSingleItem().Name.ShouldBe(created.Name);
        (await _scope.Engine.ListConfigsAsync(_scope.Labels, SwarmScope.Token)).ShouldBeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_name_swarm_would_refuse_is_refused_with_the_rule()
    {
        var error = await Should.ThrowAsync<DockerEngineException>(() => _scope.Engine.CreateSecretAsync(
            new NewSwarmObject { Name = "-bad/name", Data = "x"u8.ToArray(), Labels = _scope.Labels }, SwarmScope.Token));

        error.Message.ShouldContain("the name must be 1 to 64 of [a-zA-Z0-9-_.]");
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
