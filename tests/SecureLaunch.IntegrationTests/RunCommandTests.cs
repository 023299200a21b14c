using SecureLaunch.Cli;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// <c>securelaunch run</c> end to end: the real CLI, the embedded dev Vault over HTTP on loopback, and
/// real containers on the Docker engine.
/// </summary>
public sealed class RunCommandTests
{
    private const string Seed = """
        dev:
          kv:
            secret/app/stripe: { api_key: sk_test_4eC39HqLyjWDarjtT1zdp7dc }
            kv/legacy: { password: legacy-password-42 }
          database:
            roles:
              app: { ttl: 30s, maxTtl: 2m }
        """;

    private static string Spec(string name, string command, string extra = "") => $$$"""
        version: 1
        name: {{{name}}}
        secrets:
          stripe: { path: secret/app/stripe }
          legacy: { path: kv/legacy }
          db: { path: database/creds/app }
        containers:
          main:
            image: busybox:stable
            command: ["sh", "-c", "{{{command}}}"]
            env:
              STRIPE_KEY: "{{ stripe.api_key }}"
              LEGACY: "{{ legacy.password }}"
              DB_USER: "{{ db.username }}"
              DB_PASSWORD: "{{ db.password }}"
        {{{extra}}}
        """;

    [Fact]
    public async Task Secrets_from_kv_v2_kv_v1_and_the_database_engine_arrive_as_env_inside_the_container()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name,
            "[ \\\"$$STRIPE_KEY\\\" = sk_test_4eC39HqLyjWDarjtT1zdp7dc ] && [ \\\"$$LEGACY\\\" = legacy-password-42 ] && echo kv-ok; " +
            "case $$DB_USER in v-*) echo db-user-ok;; esac; [ $${#DB_PASSWORD} -ge 16 ] && echo db-password-ok"));
        var cli = new CliRun(fixture.Environment(spec.Path));

        var exitCode = await cli.RunAsync("run", "-f", spec.File);

        exitCode.ShouldBe(0, cli.Stderr);
        cli.Stdout.ShouldBe("kv-ok\ndb-user-ok\ndb-password-ok\n");
    }

    [Fact]
    public async Task The_containers_exit_code_becomes_ours()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "exit 3"));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(3, cli.Stderr);
    }

    [Fact]
    public async Task After_the_run_every_lease_is_revoked_and_no_container_is_left()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "echo done"));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

        fixture.Vault.Leases.ShouldHaveSingleItem().Revoked.ShouldBeTrue();
        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Secret_values_printed_by_the_container_are_masked_and_never_reach_our_log()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "echo key=$$STRIPE_KEY; echo pw=$$DB_PASSWORD >&2"));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

        cli.Stdout.ShouldBe("key=*****\n");
        cli.Stderr.ShouldContain("pw=*****\n");
        cli.Stderr.ShouldNotContain("sk_test_4eC39HqLyjWDarjtT1zdp7dc");
        cli.Stderr.ShouldNotContain(fixture.Vault.RootToken);
    }

    [Fact]
    public async Task A_missing_secret_path_fails_with_125_naming_the_spec_line_and_revokes_what_was_taken()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "echo never").Replace("secret/app/stripe", "secret/app/nope", StringComparison.Ordinal));
        var cli = new CliRun(fixture.Environment(spec.Path));

        var exitCode = await cli.RunAsync("run", "-f", spec.File);

        exitCode.ShouldBe(ExitCodes.LaunchFailed);
        var error = cli.Stderr.Split('\n').Single(l => l.StartsWith("securelaunch: error:", StringComparison.Ordinal));
        error.ShouldStartWith("securelaunch: error: securelaunch.yaml:4:3: secret 'stripe' (secret/app/nope):");
        cli.Stdout.ShouldBeEmpty();
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_field_fails_with_125_listing_the_fields_the_secret_has()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "echo never").Replace("{{ stripe.api_key }}", "{{ stripe.apikey }}", StringComparison.Ordinal));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed);

        cli.Stderr.ShouldContain("securelaunch: error: securelaunch.yaml:12:7: secret 'stripe' (secret/app/stripe) has no field 'apikey'; it has fields api_key");
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sigterm_stops_the_container_revokes_the_leases_and_exits_143()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "echo started; exec sleep 300"));
        var cli = new CliRun(fixture.Environment(spec.Path));

        var run = cli.RunAsync("run", "-f", spec.File, "--stop-grace", "2");
        await Wait.UntilAsync(() => cli.Stdout.Contains("started", StringComparison.Ordinal), run);
        cli.Shutdown.Trigger(ExitCodes.Terminated);

        (await run).ShouldBe(ExitCodes.Terminated, cli.Stderr);
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreachable_docker_engine_fails_with_125_in_one_line_before_any_secret_is_fetched()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "echo never"));
        var environment = fixture.Environment(spec.Path);
        var cli = new CliRun(new TestEnvironment(spec.Path, new Dictionary<string, string>(environment.GetVariables())
        {
            ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock",
        }));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed);

        cli.Stderr.Split('\n').Count(l => l.StartsWith("securelaunch: error:", StringComparison.Ordinal)).ShouldBe(1);
        cli.Stderr.ShouldContain("/nonexistent/docker.sock");
        cli.Stderr.ShouldNotContain("   at ");
        fixture.Vault.Leases.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_image_that_cannot_be_pulled_fails_with_125_before_any_secret_is_fetched()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "echo never").Replace("busybox:stable", "securelaunch.invalid/no-such-image:1", StringComparison.Ordinal));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed);

        cli.Stderr.Split('\n').Count(l => l.StartsWith("securelaunch: error:", StringComparison.Ordinal)).ShouldBe(1, cli.Stderr);
        cli.Stderr.ShouldContain("securelaunch.invalid/no-such-image:1");
        fixture.Vault.Leases.ShouldBeEmpty();
        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sandbox_container_with_a_runtime_the_daemon_lacks_fails_with_125_before_any_secret_is_fetched()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "echo never").Replace("    image: busybox:stable", "    image: busybox:stable\n    isolation: sandbox\n    runtime: no-such-runtime", StringComparison.Ordinal));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed);

        cli.Stderr.ShouldContain("runtime 'no-such-runtime' is not registered with the daemon");
        fixture.Vault.Leases.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreachable_vault_fails_with_125_in_one_line()
    {
        using var spec = new SpecDirectory(Spec("unreachable", "echo never"));
        var cli = new CliRun(new TestEnvironment(spec.Path, new Dictionary<string, string>
        {
            ["VAULT_ADDR"] = "http://127.0.0.1:9",
            ["VAULT_TOKEN"] = "hvs.nothing",
        }));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed);

        cli.Stderr.ShouldContain("securelaunch: error:");
        cli.Stderr.ShouldContain("127.0.0.1:9");
        cli.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task An_invalid_spec_fails_with_125_before_anything_is_contacted()
    {
        using var spec = new SpecDirectory("version: 1\ncontainers:\n  web:\n    imgae: busybox\n");
        var cli = new CliRun(new TestEnvironment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed);

        cli.Stderr.ShouldBe(
            "securelaunch: error: securelaunch.yaml:3:3: container 'web' needs an 'image', e.g. busybox:stable\n" +
            "securelaunch: error: securelaunch.yaml:4:5: unknown key 'imgae' in 'containers.web'; did you mean 'image'?\n");
    }
}
