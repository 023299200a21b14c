using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker.Containers;
using Shouldly;

namespace SecureLaunch.Core.Tests.Injection;

public sealed class ContainerOptionsRendererTests
{
    private static readonly ContainerSpec Rendered = new()
    {
        Name = "shop-web-1234",
        Image = "busybox:stable",
        Labels = new Dictionary<string, string> { ["securelaunch.launch"] = "1234" },
        Mounts = [new BindMount("/run/securelaunch/1234/web-0", "/run/secrets/key")],
    };

    private static ContainerDefinition Container(string options) =>
        new SpecLoader(new FakeEnvironment())
            .Load($"version: 1\nsecrets:\n  s: {{ path: secret/x }}\ncontainers:\n  web:\n    image: busybox:stable\n{options}", "spec.yaml", "shop", [], "/srv/shop")
            .Spec.ShouldNotBeNull().Containers[0];

    [Fact]
    public void Binds_follow_the_secret_mounts_and_volumes_are_volumes()
    {
        var spec = ContainerOptionsRenderer.Apply(Rendered, Container("    volumes: [\"./html:/www:ro\", \"cache:/cache\", \"/tmp\"]"));

        spec.Mounts.ShouldBe([new BindMount("/run/securelaunch/1234/web-0", "/run/secrets/key"), new BindMount("/srv/shop/html", "/www", ReadOnly: true)]);
        spec.Volumes.ShouldBe([new VolumeMount("cache", "/cache"), new VolumeMount(null, "/tmp")]);
    }

    [Fact]
    public void The_users_labels_sit_beside_securelaunchs_own()
    {
        var spec = ContainerOptionsRenderer.Apply(Rendered, Container("    labels: { team: payments }"));

        spec.Labels.ShouldBe(new Dictionary<string, string> { ["team"] = "payments", ["securelaunch.launch"] = "1234" }, ignoreOrder: true);
    }

    [Fact]
    public void On_user_defined_networks_the_container_is_reachable_by_its_spec_name()
    {
        var spec = ContainerOptionsRenderer.Apply(Rendered, Container("    networks: [front, bridge]"));

        spec.Networks.Select(n => (n.Name, string.Join(',', n.Aliases))).ShouldBe([("front", "web"), ("bridge", "")]);
    }

    [Fact]
    public void With_hidden_env_the_healthcheck_runs_through_the_init_so_it_sees_the_variables()
    {
        var shell = ContainerOptionsRenderer.Apply(Rendered, Container(
            "    env: { TOKEN: \"{{ s.token }}\" }\n    healthcheck: { test: \"[ -n \\\"$$TOKEN\\\" ]\", interval: 1s }"));
        var exec = ContainerOptionsRenderer.Apply(Rendered, Container(
            "    env: { TOKEN: \"{{ s.token }}\" }\n    healthcheck: { test: [\"CMD\", \"/check\", \"-v\"] }"));

        shell.Healthcheck.ShouldNotBeNull().Test.ShouldBe(["CMD", "/.securelaunch/init", "--", "/bin/sh", "-c", "[ -n \"$TOKEN\" ]"]);
        shell.Healthcheck.Interval.ShouldBe(TimeSpan.FromSeconds(1));
        exec.Healthcheck.ShouldNotBeNull().Test.ShouldBe(["CMD", "/.securelaunch/init", "--", "/check", "-v"]);
    }

    [Theory]
    [InlineData("    healthcheck: { test: \"true\" }", "CMD-SHELL|true")]
    [InlineData("    exposure: config\n    env: { TOKEN: \"{{ s.token }}\" }\n    healthcheck: { test: \"true\" }", "CMD-SHELL|true")]
    [InlineData("    env: { TOKEN: \"{{ s.token }}\" }\n    healthcheck: { disable: true }", "NONE")]
    public void Without_hidden_env_or_when_disabled_the_healthcheck_is_passed_as_written(string options, string test) =>
        string.Join('|', ContainerOptionsRenderer.Apply(Rendered, Container(options)).Healthcheck.ShouldNotBeNull().Test).ShouldBe(test);

    [Fact]
    public void Limits_and_privileges_are_passed_as_bound()
    {
        var spec = ContainerOptionsRenderer.Apply(Rendered, Container(
            "    read_only: true\n    cap_drop: [ALL]\n    memory: 64m\n    cpus: 0.5\n    pids_limit: 50\n    ports: [\"127.0.0.1:8080:80\"]"));

        (spec.ReadOnlyRootFilesystem, spec.MemoryBytes, spec.NanoCpus, spec.PidsLimit).ShouldBe((true, 64L * 1024 * 1024, 500_000_000L, 50L));
        spec.CapDrop.ShouldBe(["ALL"]);
        spec.Ports.ShouldBe([new PublishedPort(80, "tcp", "127.0.0.1", 8080)]);
    }
}
