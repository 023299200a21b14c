using SecureLaunch.Docker.Containers;
using SecureLaunch.Docker.Tests.Support;

namespace SecureLaunch.Docker.Tests.Engine;

/// <summary>Networks, health and pulls on the real engine.</summary>
public sealed class ContainerOptionsTests : IAsyncDisposable
{
    private readonly EngineScope _scope = new();
    private readonly List<string> _networks = [];

    [Fact(Timeout = 120_000)]
    public async Task A_container_joins_every_network_and_is_reachable_by_its_alias_on_the_later_ones()
    {
        var front = await NetworkAsync("front");
        var back = await NetworkAsync("back");
        var server = _scope.Spec("alias-server", "sleep", "60") with
        {
            Networks = [new NetworkAttachment(front, ["alpha"]), new NetworkAttachment(back, ["alpha"])],
        };
        var id = await _scope.CreateAsync(server);
        await _scope.Engine.StartContainerAsync(id, EngineScope.Token);

        var client = _scope.Spec("alias-client", "ping", "-c", "1", "-W", "5", "alpha") with { Networks = [new NetworkAttachment(back, [])] };
        var result = await _scope.RunAsync(client);

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        (await DockerCli.RunAsync("inspect", "-f", "{{len .NetworkSettings.Networks}}", id)).ShouldBe("2");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_network_that_cannot_be_joined_removes_the_container_it_was_created_for()
    {
        // A created container may be connected to a network that does not exist (the daemon finds out at start),
        // but never to the host network besides another.
        var front = await NetworkAsync("front");
        var spec = _scope.Spec("bad-network", "true") with
        {
            Networks = [new NetworkAttachment(front, []), new NetworkAttachment("host", [])],
        };

        var error = await Should.ThrowAsync<DockerEngineException>(() => _scope.CreateAsync(spec));

        error.Message.ShouldStartWith($"connect container {spec.Name} to network host: ");
        (await _scope.Engine.ListContainersAsync(EngineScope.OnlyThis(spec), EngineScope.Token)).ShouldBeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task Inspect_reports_health_from_the_healthcheck_given_at_create()
    {
        var spec = _scope.Spec("health", "sleep", "60") with
        {
            Healthcheck = new HealthcheckSpec(["CMD-SHELL", "test -e /proc/1"], Interval: TimeSpan.FromMilliseconds(200), Retries: 1),
        };
        var id = await _scope.CreateAsync(spec);
        (await _scope.Engine.InspectContainerAsync(id, EngineScope.Token)).Status.ShouldBe("created");
        await _scope.Engine.StartContainerAsync(id, EngineScope.Token);

        var state = await _scope.Engine.InspectContainerAsync(id, EngineScope.Token);
        while (state.Health == "starting")
        {
            await Task.Delay(100, EngineScope.Token);
            state = await _scope.Engine.InspectContainerAsync(id, EngineScope.Token);
        }

        state.Health.ShouldBe("healthy");
        state.Running.ShouldBeTrue();
        (await DockerCli.RunAsync("inspect", "-f", "{{.Config.Healthcheck.Interval}}", id)).ShouldBe("200ms");
    }

    [Fact(Timeout = 60_000)]
    public async Task Inspect_reports_the_host_port_the_daemon_chose()
    {
        var spec = _scope.Spec("ports", "sleep", "60") with { Ports = [new PublishedPort(80, HostIp: "127.0.0.1")] };
        var id = await _scope.CreateAsync(spec);
        await _scope.Engine.StartContainerAsync(id, EngineScope.Token);

        var port = (await _scope.Engine.InspectContainerAsync(id, EngineScope.Token)).Ports.ShouldHaveSingleItem();

        (port.ContainerPort, port.Protocol, port.HostIp).ShouldBe((80, "tcp", "127.0.0.1"));
        port.HostPort.ShouldNotBeNull().ShouldBeGreaterThan(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_network_list_holds_the_daemons_own_networks()
    {
        var networks = await _scope.Engine.ListNetworksAsync(EngineScope.Token);

        networks.Select(n => n.Name).ShouldContain("bridge");
        networks.Single(n => n.Name == "host").Scope.ShouldBe("local");
    }

    [Fact(Timeout = 60_000)]
    public async Task Pull_asks_the_registry_even_for_an_image_that_is_present()
    {
        await using var registry = FakeRegistry.Start();
        var image = $"{registry.Host}/securelaunch/present:v1";
        await DockerCli.RunAsync("tag", EngineScope.Image, image);
        try
        {
            await _scope.Engine.EnsureImageAsync(image, EngineScope.Token);
            registry.Requests.ShouldBeEmpty();

            await Should.ThrowAsync<DockerImageException>(() => _scope.Engine.PullImageAsync(image, EngineScope.Token));

            registry.Requests.ShouldContain(r => r.Contains("/manifests/v1", StringComparison.Ordinal));
        }
        finally
        {
            await DockerCli.RunAsync("rmi", image);
        }
    }

    private async Task<string> NetworkAsync(string purpose)
    {
        var name = $"sl-test-{purpose}-{Guid.NewGuid():N}"[..30];
        await DockerCli.RunAsync("network", "create", "--label", $"{EngineScope.TestLabel}=1", name);
        _networks.Add(name);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        foreach (var network in _networks)
        {
            await DockerCli.RunAsync("network", "rm", network);
        }
    }
}
