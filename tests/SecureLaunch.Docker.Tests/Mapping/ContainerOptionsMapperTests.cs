using SecureLaunch.Docker.Containers;
using SecureLaunch.Docker.Mapping;
using ContainerSpec = SecureLaunch.Docker.Containers.ContainerSpec;

namespace SecureLaunch.Docker.Tests.Mapping;

public sealed class ContainerOptionsMapperTests
{
    private static readonly ContainerSpec Minimal = new() { Name = "hello-web", Image = "busybox:stable" };

    [Fact]
    public void Ports_are_exposed_and_bound_per_container_port_and_protocol()
    {
        var body = (Minimal with
        {
            Ports = [new PublishedPort(80, "tcp", "127.0.0.1", 8080), new PublishedPort(80, "tcp", null, 8081), new PublishedPort(53, "udp")],
        }).ToCreateParameters();

        body.ExposedPorts.ShouldNotBeNull().Keys.ShouldBe(["80/tcp", "53/udp"], ignoreOrder: true);
        var bindings = body.HostConfig.ShouldNotBeNull().PortBindings.ShouldNotBeNull();
        bindings["80/tcp"].Select(b => (b.HostIP, b.HostPort)).ShouldBe([("127.0.0.1", "8080"), ("", "8081")]);
        bindings["53/udp"].Select(b => (b.HostIP, b.HostPort)).ShouldBe([("", "")]);
    }

    [Fact]
    public void Volumes_follow_the_bind_mounts_as_volume_mounts()
    {
        var body = (Minimal with
        {
            Mounts = [new BindMount("/srv/www", "/www")],
            Volumes = [new VolumeMount("pgdata", "/var/lib/postgresql", NoCopy: true), new VolumeMount(null, "/tmp")],
        }).ToCreateParameters();

        body.HostConfig.ShouldNotBeNull().Mounts.ShouldNotBeNull().Select(m => (m.Type, m.Source, m.Target, m.ReadOnly, m.VolumeOptions?.NoCopy)).ShouldBe(
            [("bind", "/srv/www", "/www", true, null), ("volume", "pgdata", "/var/lib/postgresql", false, true), ("volume", "", "/tmp", false, null)]);
    }

    [Fact]
    public void The_first_network_is_the_network_mode_with_its_aliases()
    {
        var body = (Minimal with
        {
            Networks = [new NetworkAttachment("front", ["web"]), new NetworkAttachment("back", ["web"])],
        }).ToCreateParameters();

        body.HostConfig.ShouldNotBeNull().NetworkMode.ShouldBe("front");
        var endpoint = body.NetworkingConfig.ShouldNotBeNull().EndpointsConfig.ShouldHaveSingleItem();
        endpoint.Key.ShouldBe("front");
        endpoint.Value.Aliases.ShouldBe(["web"]);
    }

    [Fact]
    public void Limits_privileges_and_the_healthcheck_reach_the_create_body()
    {
        var body = (Minimal with
        {
            ReadOnlyRootFilesystem = true,
            CapDrop = ["ALL"],
            CapAdd = ["NET_BIND_SERVICE"],
            SecurityOptions = ["no-new-privileges:true"],
            MemoryBytes = 512L * 1024 * 1024,
            NanoCpus = 1_500_000_000,
            PidsLimit = 100,
            Healthcheck = new HealthcheckSpec(["CMD", "true"], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), 4),
        }).ToCreateParameters();

        var host = body.HostConfig.ShouldNotBeNull();
        host.ReadonlyRootfs.ShouldBeTrue();
        host.Privileged.ShouldBeFalse();
        host.CapDrop.ShouldBe(["ALL"]);
        host.CapAdd.ShouldBe(["NET_BIND_SERVICE"]);
        host.SecurityOpt.ShouldBe(["no-new-privileges:true"]);
        host.Memory.ShouldBe(536_870_912);
        host.NanoCPUs.ShouldBe(1_500_000_000);
        host.PidsLimit.ShouldBe(100);
        var health = body.Healthcheck.ShouldNotBeNull();
        health.Test.ShouldBe(["CMD", "true"]);
        (health.Interval, health.Timeout, health.StartPeriod, health.Retries).ShouldBe(
            (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), 4L));
    }

    [Fact]
    public void Options_left_out_keep_the_daemons_and_the_images_defaults()
    {
        var body = Minimal.ToCreateParameters();

        body.ExposedPorts.ShouldBeNull();
        body.Healthcheck.ShouldBeNull();
        body.NetworkingConfig.ShouldBeNull();
        var host = body.HostConfig.ShouldNotBeNull();
        host.NetworkMode.ShouldBeNullOrEmpty();
        host.PortBindings.ShouldBeNull();
        host.CapAdd.ShouldBeNull();
        host.SecurityOpt.ShouldBeNull();
        (host.Memory, host.NanoCPUs, host.PidsLimit, host.ReadonlyRootfs).ShouldBe((0L, 0L, (long?)null, false));
    }

    [Fact]
    public void A_published_port_reads_as_docker_ps_shows_it()
    {
        new PublishedPort(80, "tcp", "127.0.0.1", 8080).ToString().ShouldBe("127.0.0.1:8080->80/tcp");
        new PublishedPort(53, "udp", "::1", 5353).ToString().ShouldBe("[::1]:5353->53/udp");
        new PublishedPort(80).ToString().ShouldBe("*->80/tcp");
    }
}
