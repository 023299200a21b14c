using System.Diagnostics;
using SecureLaunch.Cli;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// Env values reach the container without showing in <c>docker inspect</c>: checked with the real
/// <c>docker</c> CLI while the container runs, under runc and under gVisor.
/// </summary>
public sealed class HiddenEnvTests
{
    private const string Value = "sk_live_51HiddenFromInspect";
    private const string Seed = $"dev: {{ kv: {{ secret/app/stripe: {{ api_key: {Value} }} }}, database: {{ roles: {{ app: {{ ttl: 30s, maxTtl: 2m }} }} }} }}";

    private static string Spec(string name, string extra) => $$$"""
        version: 1
        name: {{{name}}}
        secrets:
          stripe: { path: secret/app/stripe }
          db: { path: database/creds/app }
        containers:
          main:
            image: busybox:stable
            command: ["sh", "-c", "[ \"$${STRIPE_KEY#sk_live_}\" = 51HiddenFromInspect ] && echo value-arrived; echo started; exec sleep 300"]
            env:
              STRIPE_KEY: "{{ stripe.api_key }}"
              DB_PASSWORD: "{{ db.password }}"
        {{{extra}}}
        """;

    [Theory]
    [InlineData("")]
    [InlineData("    isolation: sandbox")]
    public async Task Docker_inspect_of_the_running_container_shows_no_secret_value(string extra)
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, extra));
        var cli = new CliRun(fixture.Environment(spec.Path));
        var run = cli.RunAsync("run", "-f", spec.File, "--stop-grace", "1");
        await Wait.UntilAsync(() => cli.Stdout.Contains("started", StringComparison.Ordinal), run);

        var container = (await fixture.ContainersAsync()).ShouldHaveSingleItem();
        var inspect = await DockerCliAsync("inspect", container.Id);
        cli.Shutdown.Trigger(ExitCodes.Terminated);
        await run;

        cli.Stdout.ShouldStartWith("value-arrived\n");
        inspect.ShouldContain("/.securelaunch/init");
        inspect.ShouldNotContain(Value);
        inspect.ShouldNotContain("STRIPE_KEY=");
        inspect.ShouldNotContain("DB_PASSWORD=");
    }

    [Fact]
    public async Task Exposure_config_passes_env_visibly_as_docker_run_e_does()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "    exposure: config"));
        var cli = new CliRun(fixture.Environment(spec.Path));
        var run = cli.RunAsync("run", "-f", spec.File, "--stop-grace", "1");
        await Wait.UntilAsync(() => cli.Stdout.Contains("started", StringComparison.Ordinal), run);

        var inspect = await DockerCliAsync("inspect", (await fixture.ContainersAsync()).ShouldHaveSingleItem().Id);
        cli.Shutdown.Trigger(ExitCodes.Terminated);
        await run;

        inspect.ShouldContain($"STRIPE_KEY={Value}");
        inspect.ShouldNotContain("/.securelaunch/init");
    }

    [Fact]
    public async Task A_named_container_user_is_refused_for_hidden_env_with_a_way_out()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "    user: nobody"));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed);

        cli.Stderr.ShouldContain("runs as user 'nobody', which the host cannot map to a uid for the hidden env file; set 'user:' to a numeric uid[:gid], or 'exposure: config'");
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_numeric_user_reads_its_hidden_env()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "    user: \"1000:1000\"").Replace("exec sleep 300", "id -u", StringComparison.Ordinal));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

        cli.Stdout.ShouldBe("value-arrived\nstarted\n1000\n");
    }

    private static async Task<string> DockerCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("docker", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        return output;
    }
}
