using SecureLaunch.Cli;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>Container options the host cannot or should not give: one line, 125, before any secret is fetched.</summary>
public sealed class PreflightRefusalTests
{
    private const string Seed = "dev: { database: { roles: { app: { ttl: 30s, maxTtl: 2m } } } }";

    private static string Spec(string name, string options, string image = "busybox:stable") => $$$"""
        version: 1
        name: {{{name}}}
        secrets:
          db: { path: database/creds/app }
        containers:
          main:
            image: {{{image}}}
            command: ["echo", "never"]
            env: { DB_PASSWORD: "{{ db.password }}" }
        {{{options}}}
        """;

    [Theory]
    [InlineData("    pull: never", "securelaunch/not-here:1", "image securelaunch/not-here:1 is not present and its container says pull: never; pull or load it first (docker pull securelaunch/not-here:1)")]
    [InlineData("    networks: [sl-it-no-such-network]", "busybox:stable", "network 'sl-it-no-such-network' of container 'main' does not exist; create it with: docker network create sl-it-no-such-network")]
    [InlineData("    privileged: true", "busybox:stable", "securelaunch.yaml:6:3: container 'main' asks for privileged: true, which gives it every capability and the host's devices, and with them the secret files of every launch on this host; run with --allow-privileged to permit it")]
    [InlineData("    cap_add: [SYS_ADMIN]", "busybox:stable", "securelaunch.yaml:6:3: container 'main' adds capabilities beyond Docker's defaults (SYS_ADMIN), which can reach past the container; run with --allow-privileged to permit it")]
    [InlineData("    security_opt: [\"apparmor=unconfined\"]", "busybox:stable", "securelaunch.yaml:6:3: container 'main' asks for security_opt 'apparmor=unconfined', which loosens the container's confinement; run with --allow-privileged to permit it")]
    [InlineData("    volumes: [\"./missing:/data\"]", "busybox:stable", "securelaunch.yaml:10:16: container 'main': bind source '{dir}/missing' does not exist (SecureLaunch does not create it, unlike docker run -v)")]
    [InlineData("    cpus: 4096", "busybox:stable", "securelaunch.yaml:6:3: container 'main' asks for cpus 4096, but the daemon's host has")]
    public async Task Refused_in_one_line_with_125_before_any_lease_exists(string options, string image, string error)
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, options, image));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed, cli.Stderr);

        var line = cli.Stderr.Split('\n').Where(l => l.StartsWith("securelaunch: error:", StringComparison.Ordinal)).ShouldHaveSingleItem();
        line.ShouldStartWith($"securelaunch: error: {error.Replace("{dir}", spec.Path, StringComparison.Ordinal)}");
        fixture.Vault.Leases.ShouldBeEmpty();
        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_privileged_container_runs_when_the_operator_allows_it()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "    cap_add: [SYS_ADMIN]").Replace("[\"echo\", \"never\"]", "[\"echo\", \"ran\"]", StringComparison.Ordinal));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File, "--allow-privileged")).ShouldBe(0, cli.Stderr);

        cli.Stdout.ShouldBe("ran\n");
    }
}
