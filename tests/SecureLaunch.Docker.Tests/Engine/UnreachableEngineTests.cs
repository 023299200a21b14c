using Microsoft.Extensions.Logging.Abstractions;

namespace SecureLaunch.Docker.Tests.Engine;

public sealed class UnreachableEngineTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_docker_host_pointing_at_a_missing_socket_is_unreachable_and_named()
    {
        var endpoint = DockerEndpoint.Resolve($"unix:///tmp/securelaunch-missing-{Guid.NewGuid():N}.sock");
        using var engine = new DockerEngine(new DockerEngineOptions { Endpoint = endpoint }, NullLogger.Instance);

        var error = await Should.ThrowAsync<DockerUnreachableException>(() => engine.GetInfoAsync(TestContext.Current.CancellationToken));

        error.Endpoint.ShouldBe(endpoint);
        error.Message.ShouldBe($"the Docker engine at {endpoint} cannot be reached: no socket at {endpoint.AbsolutePath}");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_tcp_endpoint_that_refuses_connections_is_unreachable()
    {
        var endpoint = DockerEndpoint.Resolve("tcp://127.0.0.1:1");
        using var engine = new DockerEngine(new DockerEngineOptions { Endpoint = endpoint }, NullLogger.Instance);

        var error = await Should.ThrowAsync<DockerUnreachableException>(() => engine.EnsureImageAsync("busybox:stable", TestContext.Current.CancellationToken));

        error.Message.ShouldContain("tcp://127.0.0.1:1");
        error.Message.ShouldContain("connection refused");
    }
}
