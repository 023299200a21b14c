using SecureLaunch.Cli;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary><c>depends_on</c> on the real engine: containers start once the conditions hold, or the launch fails in one line.</summary>
public sealed class StartOrderTests
{
    private const string Seed = "dev: { kv: { secret/app/db: { token: db-token-7Hk2pQ } } }";

    [Fact]
    public async Task A_container_waits_until_its_dependency_is_healthy_and_reaches_it_by_name_on_a_user_network()
    {
        // db serves a page only once it is up, and its healthcheck needs the hidden env it shares with db's command:
        // web fetching the page proves web started after db was healthy, on a network where "db" resolves.
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        await using var network = await DockerCli.NetworkAsync();
        using var spec = new SpecDirectory($$$"""
            version: 1
            name: {{{fixture.Name}}}
            secrets:
              db: { path: secret/app/db }
            containers:
              web:
                image: busybox:stable
                command: ["sh", "-c", "wget -q -O- http://db:8080/ && touch /shared/done"]
                networks: [{{{network.Name}}}]
                volumes: ["./shared:/shared"]
                depends_on: { db: { condition: service_healthy } }
              db:
                image: busybox:stable
                command: ["sh", "-c", "sleep 1; mkdir -p /tmp/www && echo pong > /tmp/www/index.html && httpd -p 8080 -h /tmp/www && touch /tmp/ready; until [ -f /shared/done ]; do sleep 0.2; done"]
                env: { TOKEN: "{{ db.token }}" }
                networks: [{{{network.Name}}}]
                volumes: ["./shared:/shared"]
                healthcheck:
                  test: "[ \"$$TOKEN\" = db-token-7Hk2pQ ] && [ -f /tmp/ready ]"
                  interval: 200ms
                  retries: 100
            """);
        Directory.CreateDirectory(Path.Combine(spec.Path, "shared"));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

        cli.Stdout.ShouldBe("pong\n");
        cli.Stderr.ShouldContain("container web: waiting for db (service_healthy)");
        cli.Stderr.IndexOf("container web: started", StringComparison.Ordinal).ShouldBeGreaterThan(cli.Stderr.IndexOf("container db: started", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, ExitCodes.LaunchFailed)]
    public async Task A_container_that_waits_for_a_completed_dependency_starts_only_after_it_exited_with_0(int migrateCode, int expected)
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory($$$"""
            version: 1
            name: {{{fixture.Name}}}
            containers:
              app:
                image: busybox:stable
                command: ["echo", "app"]
                depends_on: { migrate: { condition: service_completed_successfully } }
              migrate:
                image: busybox:stable
                command: ["sh", "-c", "echo migrate; exit {{{migrateCode}}}"]
            """);
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(expected, cli.Stderr);

        if (expected == 0)
        {
            cli.Stdout.ShouldBe("migrate\napp\n");
        }
        else
        {
            cli.Stdout.ShouldBe("migrate\n");
            cli.Stderr.ShouldContain("securelaunch: error: container 'app' was not started: 'migrate' exited with code 4, and 'app' waits for it to complete successfully");
        }

        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unhealthy_dependency_fails_the_launch_and_everything_is_removed()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory($$$"""
            version: 1
            name: {{{fixture.Name}}}
            secrets:
              db: { path: secret/app/db }
            containers:
              web:
                image: busybox:stable
                command: ["echo", "never"]
                depends_on: { db: { condition: service_healthy } }
              db:
                image: busybox:stable
                command: ["sleep", "300"]
                healthcheck: { test: ["CMD", "false"], interval: 100ms, retries: 1 }
            """);
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File, "--stop-grace", "1")).ShouldBe(ExitCodes.LaunchFailed, cli.Stderr);

        cli.Stdout.ShouldBeEmpty();
        cli.Stderr.ShouldContain("securelaunch: error: container 'web' was not started: 'db' is unhealthy, and 'web' waits for it to be healthy");
        (await fixture.ContainersAsync()).ShouldBeEmpty();
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
    }
}
