using System.Diagnostics;
using SecureLaunch.Cli;
using SecureLaunch.Core.Launching;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// <c>services:</c> end to end through the CLI on the real single-node swarm: secret files with owner and mode,
/// hidden env, nothing of either in <c>docker service inspect</c> or <c>docker secret inspect</c>, nothing left after.
/// </summary>
public sealed class SwarmServiceTests
{
    private const string Value = "sk_live_51HiddenFromInspect";
    private const string Seed = $"dev: {{ kv: {{ secret/app/stripe: {{ api_key: {Value} }} }}, database: {{ roles: {{ app: {{ ttl: 30s, maxTtl: 2m }} }} }} }}";

    private static string Spec(string name, string extra = "") => $$$"""
        version: 1
        name: {{{name}}}
        secrets:
          stripe: { path: secret/app/stripe }
          db: { path: database/creds/app }
        services:
          api:
            image: busybox:stable
            replicas: 2
            user: "1000:1000"
            command: ["sh", "-c", "v=$$(cat /run/secrets/api_key); [ \"$${v#sk_live_}\" = 51HiddenFromInspect ] && echo file-arrived; [ \"$${STRIPE_KEY#sk_live_}\" = 51HiddenFromInspect ] && echo env-arrived; stat -c 'owner %u:%g mode %a' /run/secrets/api_key; echo \"whole $$STRIPE_KEY\"; echo started; exec sleep 300"]
            env:
              STRIPE_KEY: "{{ stripe.api_key }}"
              DB_PASSWORD: "{{ db.password }}"
            secrets:
              - { target: api_key, content: "{{ stripe.api_key }}", mode: "0440", uid: 1000, gid: 1001 }
        {{{extra}}}
        """;

    [Fact(Timeout = 180_000)]
    public async Task A_service_gets_its_secret_file_and_hidden_env_and_inspect_shows_neither()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name));
        var cli = new CliRun(fixture.Environment(spec.Path));
        var run = cli.RunAsync("run", "-f", spec.File, "--stop-grace", "1");
        await Wait.UntilAsync(() => Count(cli.Stdout, "started\n") == 2, run);

        var service = (await fixture.Docker.ListServicesAsync(Labels(fixture), TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        var serviceInspect = await DockerCliAsync("service", "inspect", service.Id);
        var secrets = await fixture.Docker.ListSecretsAsync(Labels(fixture), TestContext.Current.CancellationToken);
        var secretInspect = await DockerCliAsync(["secret", "inspect", .. secrets.Select(s => s.Id)]);
        cli.Shutdown.Trigger(ExitCodes.Terminated);
        var exit = await run;

        exit.ShouldBe(ExitCodes.Terminated, cli.Stderr);
        Count(cli.Stdout, "file-arrived\n").ShouldBe(2);
        Count(cli.Stdout, "env-arrived\n").ShouldBe(2);
        Count(cli.Stdout, "owner 1000:1001 mode 440\n").ShouldBe(2);
        Count(cli.Stdout, "whole *****\n").ShouldBe(2, "service logs go through the launch's mask");
        cli.Stdout.ShouldNotContain(Value);
        service.Name.ShouldBe($"{fixture.Name}-api-{service.Labels[LaunchLabels.Launch]}");
        var launch = $"{fixture.Name}-{service.Labels[LaunchLabels.Launch]}";
        secrets.Select(s => s.Name[..^12]).Order().ShouldBe([$"{launch}_api.api_key_", $"{launch}_api.sl-env_"]);
        secrets.Select(s => s.Name[^12..]).ShouldAllBe(hash => IsHex(hash));
        serviceInspect.ShouldContain("/.securelaunch/init");
        serviceInspect.ShouldNotContain(Value);
        serviceInspect.ShouldNotContain("STRIPE_KEY=");
        serviceInspect.ShouldNotContain("DB_PASSWORD=");
        secretInspect.ShouldNotContain(Value);
        await NothingOfTheLaunchRemainsAsync(fixture);
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
    }

    [Fact(Timeout = 120_000)]
    public async Task Sandbox_for_a_service_is_refused_when_the_default_runtime_does_not_sandbox()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "    isolation: sandbox"));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed);

        cli.Stderr.ShouldContain("service 'api': isolation 'sandbox' needs the daemon's default runtime to sandbox, because Swarm runs every task with it; this daemon's default is 'runc'. Set \"default-runtime\": \"runsc\"");
        cli.Stderr.Split('\n').Count(line => line.StartsWith("securelaunch: error:", StringComparison.Ordinal)).ShouldBe(1, cli.Stderr);
        await NothingOfTheLaunchRemainsAsync(fixture);
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
    }

    [Fact(Timeout = 180_000)]
    public async Task Services_run_beside_containers_and_go_when_the_containers_end()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        var yaml = Spec(fixture.Name, """
            containers:
              job:
                image: busybox:stable
                command: ["sh", "-c", "echo job-done"]
            """);
        using var spec = new SpecDirectory(yaml);
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File, "--stop-grace", "1")).ShouldBe(0, cli.Stderr);

        cli.Stdout.ShouldContain("job-done\n");
        await NothingOfTheLaunchRemainsAsync(fixture);
    }

    [Fact(Timeout = 180_000)]
    public async Task After_SIGKILL_down_removes_the_services_their_secrets_and_configs_and_revokes_the_leases()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory($$$"""
            version: 1
            name: {{{fixture.Name}}}
            secrets:
              stripe: { path: secret/app/stripe }
            services:
              api:
                image: busybox:stable
                command: ["sh", "-c", "echo started; exec sleep 300"]
                env: { STRIPE_KEY: "{{ stripe.api_key }}" }
                secrets:
                  - { target: api_key, content: "{{ stripe.api_key }}" }
            """);
        using (var launcher = await ChildLauncher.StartAsync(spec.File, fixture.Variables))
        {
            await launcher.SignalAsync("KILL");
            await launcher.WaitForExitAsync();
        }

        var token = TestContext.Current.CancellationToken;
        (await fixture.Docker.ListServicesAsync(Labels(fixture), token)).ShouldHaveSingleItem("SIGKILL left the service running");
        (await fixture.Docker.ListSecretsAsync(Labels(fixture), token)).ShouldNotBeEmpty();
        var down = new CliRun(fixture.Environment(spec.Path));

        (await down.RunAsync("down", fixture.Name, "--stop-grace", "1")).ShouldBe(ExitCodes.Success, down.Stdout + down.Stderr);

        down.Stdout.ShouldContain($"removed service {fixture.Name}-api-");
        down.Stdout.ShouldContain($"removed secret {fixture.Name}-");
        down.Stdout.ShouldContain("removed config ");
        await NothingOfTheLaunchRemainsAsync(fixture);
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
    }

    private static IReadOnlyDictionary<string, string> Labels(LaunchFixture fixture) =>
        new Dictionary<string, string> { [LaunchLabels.Name] = fixture.Name };

    private static async Task NothingOfTheLaunchRemainsAsync(LaunchFixture fixture)
    {
        var token = TestContext.Current.CancellationToken;
        (await fixture.Docker.ListServicesAsync(Labels(fixture), token)).ShouldBeEmpty();
        (await fixture.Docker.ListSecretsAsync(Labels(fixture), token)).ShouldBeEmpty();
        (await fixture.Docker.ListConfigsAsync(Labels(fixture), token)).ShouldBeEmpty();
        (await fixture.ContainersAsync()).Where(c => c.State is not ("exited" or "dead" or "removing")).ShouldBeEmpty("a task container still runs");
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigitLower);

    private static int Count(string text, string piece) => text.Split(piece).Length - 1;

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
