namespace SecureLaunch.Docker.Tests;

public sealed class DockerEndpointTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_unset_docker_host_means_the_default_socket(string? dockerHost)
    {
        DockerEndpoint.Resolve(dockerHost).ShouldBe(new Uri("unix:///var/run/docker.sock"));
    }

    [Theory]
    [InlineData("unix:///run/user/1000/docker.sock", "unix:///run/user/1000/docker.sock")]
    [InlineData("tcp://10.0.0.5:2376", "tcp://10.0.0.5:2376")]
    [InlineData("tcp://docker.internal", "tcp://docker.internal:2375")]
    [InlineData(" npipe:////./pipe/docker_engine ", "npipe:////./pipe/docker_engine")]
    public void A_docker_host_value_becomes_its_endpoint(string dockerHost, string expected)
    {
        DockerEndpoint.Resolve(dockerHost).ShouldBe(new Uri(expected));
    }

    [Theory]
    [InlineData("/var/run/docker.sock")]
    [InlineData("ssh://me@host")]
    [InlineData("unix://")]
    [InlineData("not a uri")]
    public void An_unsupported_docker_host_is_refused(string dockerHost)
    {
        DockerEndpoint.TryResolve(dockerHost, out var endpoint).ShouldBeFalse();
        endpoint.ShouldBeNull();
        Should.Throw<ArgumentException>(() => DockerEndpoint.Resolve(dockerHost)).Message.ShouldContain("DOCKER_HOST");
    }
}
