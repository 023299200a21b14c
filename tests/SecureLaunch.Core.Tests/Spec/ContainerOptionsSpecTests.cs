using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Spec;

/// <summary>The <c>docker run</c> options of <c>containers:</c>, bound from Compose's spelling.</summary>
public sealed class ContainerOptionsSpecTests
{
    private const string Full = """
        version: 1
        name: shop
        containers:
          db:
            image: postgres:16
            volumes: ["pgdata:/var/lib/postgresql/data", "/tmp"]
            healthcheck:
              test: ["CMD-SHELL", "pg_isready -U app"]
              interval: 1m30s
              timeout: 500ms
              retries: 5
              start_period: 2s
            restart: on-failure:3
          migrate:
            image: shop/migrate:1
            depends_on: { db: { condition: service_healthy } }
          web:
            image: nginx:1.27
            ports: ["8080:80", "127.0.0.1:9000-9001:90-91/udp", "[::1]::443", { target: 8443, published: 443, host_ip: 0.0.0.0, protocol: tcp }]
            volumes:
              - ./html:/usr/share/nginx/html:ro
              - ~/certs:/etc/certs
              - { type: bind, source: conf, target: /etc/nginx/conf.d, read_only: true }
            networks: [front, back]
            labels: { com.example.team: payments }
            read_only: true
            cap_drop: [ALL]
            cap_add: [cap_net_bind_service]
            security_opt: ["no-new-privileges:true"]
            memory: 512m
            cpus: "1.5"
            pids_limit: 100
            pull: never
            depends_on:
              migrate: { condition: service_completed_successfully }
              db: {}
        """;

    private static SpecLoadResult Load(string yaml) =>
        new SpecLoader(new FakeEnvironment()).Load(yaml, "spec.yaml", "fallback", [], "/srv/shop");

    private static ContainerDefinition Web => Load(Full).Spec.ShouldNotBeNull().Containers[2];

    [Fact]
    public void The_full_example_binds_without_errors() => Load(Full).Errors.ShouldBeEmpty();

    [Fact]
    public void Ports_in_the_short_form_with_ranges_and_ipv6_and_in_the_long_form_become_one_entry_per_port() =>
        Web.Ports.Select(p => (p.Target, p.Published, p.HostIp, p.Protocol)).ShouldBe([
            (80, 8080, null, "tcp"),
            (90, 9000, "127.0.0.1", "udp"),
            (91, 9001, "127.0.0.1", "udp"),
            (443, null, "::1", "tcp"),
            (8443, 443, "0.0.0.0", "tcp"),
        ]);

    [Fact]
    public void Relative_and_home_bind_sources_are_resolved_against_the_spec_directory_and_the_home() =>
        Web.Volumes.Select(v => (v.Kind, v.Source, v.Target, v.ReadOnly)).ShouldBe([
            (VolumeKind.Bind, "/srv/shop/html", "/usr/share/nginx/html", true),
            (VolumeKind.Bind, "/home/tester/certs", "/etc/certs", false),
            (VolumeKind.Bind, "/srv/shop/conf", "/etc/nginx/conf.d", true),
        ]);

    [Fact]
    public void Named_and_anonymous_volumes_are_docker_volumes()
    {
        var db = Load(Full).Spec.ShouldNotBeNull().Containers[0];

        db.Volumes.Select(v => (v.Kind, v.Source, v.Target)).ShouldBe([
            (VolumeKind.Volume, "pgdata", "/var/lib/postgresql/data"),
            (VolumeKind.Volume, null, "/tmp"),
        ]);
    }

    [Fact]
    public void Networks_labels_and_the_pull_policy_are_kept_as_written()
    {
        var web = Web;

        web.Networks.ShouldBe(["front", "back"]);
        web.Labels.ShouldBe(new Dictionary<string, string> { ["com.example.team"] = "payments" });
        web.Pull.ShouldBe(PullPolicy.Never);
    }

    [Fact]
    public void Privileges_take_docker_capability_names_with_or_without_cap_()
    {
        var web = Web;

        web.ReadOnlyRootFilesystem.ShouldBeTrue();
        web.Privileges.CapDrop.ShouldBe(["ALL"]);
        web.Privileges.CapAdd.ShouldBe(["NET_BIND_SERVICE"]);
        web.Privileges.SecurityOptions.ShouldBe(["no-new-privileges:true"]);
        web.Privileges.Privileged.ShouldBeFalse();
    }

    [Fact]
    public void Memory_is_in_powers_of_1024_and_cpus_in_billionths() =>
        Web.Resources.ShouldBe(new ContainerResources { MemoryBytes = 512L * 1024 * 1024, NanoCpus = 1_500_000_000, PidsLimit = 100 });

    [Theory]
    [InlineData("6m", 6L * 1024 * 1024)]
    [InlineData("1.5g", 1536L * 1024 * 1024)]
    [InlineData("1GiB", 1024L * 1024 * 1024)]
    [InlineData("268435456", 268_435_456)]
    [InlineData("256 MB", 256L * 1024 * 1024)]
    public void Memory_sizes_are_read_as_docker_run_reads_them(string text, long bytes) =>
        Load($"version: 1\ncontainers:\n  web: {{ image: busybox, memory: \"{text}\" }}\n").Spec.ShouldNotBeNull().Containers[0].Resources.MemoryBytes.ShouldBe(bytes);

    [Fact]
    public void The_healthcheck_takes_go_durations()
    {
        var health = Load(Full).Spec.ShouldNotBeNull().Containers[0].Healthcheck.ShouldNotBeNull();

        health.Test.ShouldBe(["CMD-SHELL", "pg_isready -U app"]);
        (health.Interval, health.Timeout, health.StartPeriod, health.Retries).ShouldBe(
            (TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), 5));
    }

    [Fact]
    public void A_string_test_runs_in_the_shell_and_disable_turns_the_images_check_off()
    {
        var spec = Load("""
            version: 1
            containers:
              a: { image: busybox, healthcheck: { test: "wget -q --spider http://localhost/" } }
              b: { image: busybox, healthcheck: { disable: true } }
            """).Spec.ShouldNotBeNull();

        spec.Containers[0].Healthcheck.ShouldNotBeNull().Test.ShouldBe(["CMD-SHELL", "wget -q --spider http://localhost/"]);
        spec.Containers[1].Healthcheck.ShouldNotBeNull().Disabled.ShouldBeTrue();
    }

    [Fact]
    public void Restart_on_failure_counts_its_retries()
    {
        var restart = Load(Full).Spec.ShouldNotBeNull().Containers[0].Restart;

        restart.ShouldBe(new RestartPolicy(RestartKind.OnFailure, 3));
        restart.Restarts(exitCode: 1, restarts: 2).ShouldBeTrue();
        restart.Restarts(exitCode: 1, restarts: 3).ShouldBeFalse();
        restart.Restarts(exitCode: 0, restarts: 0).ShouldBeFalse();
        new RestartPolicy(RestartKind.Always).Restarts(exitCode: 0, restarts: 100).ShouldBeTrue();
        RestartPolicy.No.Restarts(exitCode: 1, restarts: 0).ShouldBeFalse();
    }

    [Fact]
    public void Depends_on_as_a_list_waits_for_a_start_and_as_a_map_for_its_condition()
    {
        var spec = Load(Full).Spec.ShouldNotBeNull();

        spec.Containers[1].DependsOn.Select(d => (d.Name, d.Condition)).ShouldBe([("db", DependencyCondition.Healthy)]);
        spec.Containers[2].DependsOn.Select(d => (d.Name, d.Condition)).ShouldBe([
            ("migrate", DependencyCondition.CompletedSuccessfully), ("db", DependencyCondition.Started)]);
        Load("version: 1\ncontainers:\n  a: { image: busybox }\n  b: { image: busybox, depends_on: [a] }\n")
            .Spec.ShouldNotBeNull().Containers[1].DependsOn.ShouldHaveSingleItem().Condition.ShouldBe(DependencyCondition.Started);
    }

    [Fact]
    public void Options_left_out_are_docker_run_defaults()
    {
        var container = Load("version: 1\ncontainers:\n  web: { image: busybox, tty: false, stdin_open: false }\n").Spec.ShouldNotBeNull().Containers[0];

        container.Restart.ShouldBe(RestartPolicy.No);
        container.Pull.ShouldBe(PullPolicy.Missing);
        container.Resources.ShouldBe(ContainerResources.None);
        (container.Privileges.CapAdd.Count, container.Privileges.CapDrop.Count, container.Privileges.SecurityOptions.Count, container.Privileges.Privileged).ShouldBe((0, 0, 0, false));
        (container.Ports.Count, container.Volumes.Count, container.Networks.Count, container.Labels.Count, container.DependsOn.Count).ShouldBe((0, 0, 0, 0, 0));
        container.Healthcheck.ShouldBeNull();
    }
}
