using System.Net;
using System.Net.Sockets;
using SecureLaunch.Cli;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary><c>docker run</c> options of a spec container, seen from inside the container and from the host.</summary>
public sealed class ContainerOptionsTests
{
    private const string Value = "sk_live_51ReadOnlyRootfs";
    private const string Seed = $"dev: {{ kv: {{ secret/app/stripe: {{ api_key: {Value} }} }} }}";

    private static string Spec(string name, string command, string options) => $$$"""
        version: 1
        name: {{{name}}}
        secrets:
          stripe: { path: secret/app/stripe }
        containers:
          main:
            image: busybox:stable
            command: ["sh", "-c", "{{{command}}}"]
        {{{options}}}
        """;

    [Fact]
    public async Task A_published_port_is_reachable_from_the_host_and_serves_a_bind_mounted_directory()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        var port = FreePort();
        using var spec = new SpecDirectory(Spec(fixture.Name, "httpd -f -p 8080 -h /www",
            $"    ports: [\"127.0.0.1:{port}:8080\"]\n    volumes: [\"./www:/www:ro\"]"));
        Directory.CreateDirectory(Path.Combine(spec.Path, "www"));
        await File.WriteAllTextAsync(Path.Combine(spec.Path, "www", "index.html"), "served from the bind mount\n", TestContext.Current.CancellationToken);
        var cli = new CliRun(fixture.Environment(spec.Path));
        var run = cli.RunAsync("run", "-f", spec.File, "--stop-grace", "1");

        var body = await GetWhenServingAsync($"http://127.0.0.1:{port}/", run);

        // The line is written after an inspect that follows the start; the server may answer before it.
        await Wait.UntilAsync(() => cli.Stderr.Contains($"container main: published 127.0.0.1:{port}->8080/tcp", StringComparison.Ordinal), run);
        cli.Shutdown.Trigger(ExitCodes.Terminated);
        await run;

        body.ShouldBe("served from the bind mount\n");
    }

    [Theory]
    [InlineData("")]
    [InlineData("    isolation: sandbox")]
    public async Task A_read_only_root_filesystem_still_gets_its_hidden_env_and_secret_file(string isolation)
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name,
            "touch /probe 2>/dev/null && echo rootfs-writable || echo rootfs-read-only; " +
            $"[ \\\"$$KEY\\\" = {Value} ] && echo env-ok; [ \\\"$$(cat /run/secrets/key)\\\" = {Value} ] && echo file-ok",
            $"    read_only: true\n    env: {{ KEY: \"{{{{ stripe.api_key }}}}\" }}\n    files: [{{ target: /run/secrets/key, content: \"{{{{ stripe.api_key }}}}\" }}]\n{isolation}"));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

        cli.Stdout.ShouldBe("rootfs-read-only\nenv-ok\nfile-ok\n");
    }

    [Fact]
    public async Task Memory_cpus_and_pids_limits_show_in_docker_inspect_and_bind_inside()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name,
            "cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes; echo started; exec sleep 300",
            "    memory: 64m\n    cpus: 0.5\n    pids_limit: 64"));
        var cli = new CliRun(fixture.Environment(spec.Path));
        var run = cli.RunAsync("run", "-f", spec.File, "--stop-grace", "1");
        await Wait.UntilAsync(() => cli.Stdout.Contains("started", StringComparison.Ordinal), run);

        var inspect = await DockerCli.RunAsync("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}}",
            (await fixture.ContainersAsync()).ShouldHaveSingleItem().Id);
        cli.Shutdown.Trigger(ExitCodes.Terminated);
        await run;

        inspect.ShouldBe("67108864 500000000 64");
        cli.Stdout.ShouldStartWith("67108864\n");
    }

    [Theory]
    [InlineData("", "chown-ok")]
    [InlineData("    cap_drop: [CHOWN]", "chown-denied")]
    [InlineData("    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]", "chown-denied")]
    public async Task Dropped_capabilities_are_gone_inside_the_container(string options, string expected)
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name,
            "touch /tmp/f; chown 1000 /tmp/f 2>/dev/null && echo chown-ok || echo chown-denied", options));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

        cli.Stdout.ShouldBe($"{expected}\n");
    }

    [Fact]
    public async Task On_failure_restarts_the_container_with_its_output_still_attached_and_ends_with_the_last_code()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "echo run; exit 3", "    restart: on-failure:2"));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(3, cli.Stderr);

        cli.Stdout.ShouldBe("run\nrun\nrun\n");
        cli.Stderr.ShouldContain("container main: exited with code 3; restarting in 100 ms (restart 1, policy on-failure:2)");
        cli.Stderr.ShouldContain("container main: exited with code 3; restarting in 200 ms (restart 2, policy on-failure:2)");
        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_restarting_container_is_restarted_until_securelaunch_is_stopped()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "echo run", "    restart: always"));
        var cli = new CliRun(fixture.Environment(spec.Path));
        var run = cli.RunAsync("run", "-f", spec.File, "--stop-grace", "1");

        await Wait.UntilAsync(() => cli.Stdout.Split('\n').Length > 4, run);
        cli.Shutdown.Trigger(ExitCodes.Terminated);

        (await run).ShouldBe(ExitCodes.Terminated, cli.Stderr);
        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }

    /// <summary>The page once the server answers; a hang guard, not a timing assertion.</summary>
    private static async Task<string> GetWhenServingAsync(string url, Task<int> running)
    {
        using var http = new HttpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (true)
        {
            try
            {
                return await http.GetStringAsync(url, timeout.Token);
            }
            catch (HttpRequestException) when (!running.IsCompleted)
            {
                await Task.Delay(100, timeout.Token);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
