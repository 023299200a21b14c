using System.Text.Json;
using SecureLaunch.Cli;
using SecureLaunch.TestKit;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary><c>run --output json</c> end to end: every line on stdout is an event the schema documents.</summary>
public sealed class JsonOutputTests
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

    private static string Spec(string name, string command) => $$$"""
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
              DB_PASSWORD: "{{ db.password }}"
        """;

    private static List<JsonElement> Events(CliRun cli)
    {
        var lines = cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.SelectMany(JsonEventSchema.Load().Check).ShouldBeEmpty();
        return [.. lines.Select(l => JsonDocument.Parse(l).RootElement)];
    }

    private static string Name(JsonElement e) => e.GetProperty("event").GetString()!;

    [Fact]
    public async Task Every_step_container_line_and_the_result_is_one_documented_event_with_values_masked()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "echo key=$$STRIPE_KEY; echo pw=$$DB_PASSWORD >&2; exit 3"));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File, "--output", "json")).ShouldBe(3, cli.Stderr);

        var events = Events(cli);
        var names = events.Select(Name).ToList();
        string[] sequence = ["launch_starting", "vault_healthy", "authenticated", "container_created", "container_exited", "stopping", "leases_revoked", "result"];
        sequence.Select(n => names.IndexOf(n)).ShouldBeInOrder(SortDirection.Ascending);
        sequence.ShouldAllBe(n => names.Contains(n));
        names[^1].ShouldBe("result");
        events[^1].GetProperty("exitCode").GetInt32().ShouldBe(3);

        var secrets = events.Where(e => Name(e) is "secret_read" or "secret_leased").ToList();
        secrets.Select(e => e.GetProperty("fetched").GetInt32()).ShouldBe([1, 2, 3]);
        secrets.ShouldAllBe(e => e.GetProperty("total").GetInt32() == 3);
        secrets.Single(e => Name(e) == "secret_leased").GetProperty("leaseId").GetString()!.ShouldStartWith("database/creds/app/");

        var output = events.Where(e => Name(e) == "output").Select(e => (e.GetProperty("stream").GetString(), e.GetProperty("line").GetString())).ToList();
        output.ShouldBe([("stdout", "key=*****"), ("stderr", "pw=*****")], ignoreOrder: true);
        names.LastIndexOf("output").ShouldBeLessThan(names.IndexOf("container_exited"));
        events.Single(e => Name(e) == "container_exited").GetProperty("exitCode").GetInt32().ShouldBe(3);

        cli.Stderr.ShouldBeEmpty();
        cli.Stdout.ShouldNotContain("sk_test_4eC39HqLyjWDarjtT1zdp7dc");
        cli.Stdout.ShouldNotContain("legacy-password-42");
        cli.Stdout.ShouldNotContain(fixture.Vault.RootToken);
    }

    [Fact]
    public async Task A_failed_launch_ends_with_an_error_event_and_a_result_of_125_and_one_line_on_stderr()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "echo never").Replace("secret/app/stripe", "secret/app/nope", StringComparison.Ordinal));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File, "--output", "json")).ShouldBe(ExitCodes.LaunchFailed);

        var events = Events(cli);
        events.Select(Name).ShouldNotContain("output");
        events[^2].GetProperty("message").GetString()!.ShouldStartWith("securelaunch.yaml:4:3: secret 'stripe' (secret/app/nope):");
        Name(events[^2]).ShouldBe("error");
        events[^1].GetProperty("exitCode").GetInt32().ShouldBe(ExitCodes.LaunchFailed);
        cli.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldStartWith("securelaunch: error: securelaunch.yaml:4:3:");
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
    }

    [Fact]
    public async Task A_renewal_while_the_container_runs_is_an_event()
    {
        await using var fixture = await LaunchFixture.StartAsync("dev: { database: { roles: { app: { ttl: 20s, maxTtl: 2m } } } }");
        using var spec = new SpecDirectory($$$"""
            version: 1
            name: {{{fixture.Name}}}
            secrets:
              db: { path: database/creds/app }
            containers:
              worker:
                image: busybox:stable
                command: ["sleep", "16"]
                env: { DB_USER: "{{ db.username }}" }
            """);
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File, "--output", "json")).ShouldBe(0, cli.Stderr);

        var events = Events(cli);
        var leaseId = events.Single(e => Name(e) == "secret_leased").GetProperty("leaseId").GetString();
        var renewed = events.First(e => Name(e) == "lease_renewed");
        renewed.GetProperty("name").GetString().ShouldBe("db");
        renewed.GetProperty("leaseId").GetString().ShouldBe(leaseId);
        renewed.GetProperty("granted").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Info_writes_a_docker_and_a_vault_event()
    {
        await using var fixture = await LaunchFixture.StartAsync("dev: {}");
        var cli = new CliRun(new TestEnvironment(Path.GetTempPath(), new Dictionary<string, string> { ["VAULT_ADDR"] = fixture.Vault.Address.ToString() }));

        (await cli.RunAsync("info", "--output", "json")).ShouldBe(0, cli.Stderr);

        var events = Events(cli);
        events.Select(Name).ShouldBe(["docker", "vault", "result"]);
        events[0].GetProperty("isolation").GetProperty("sandbox").GetProperty("available").GetBoolean().ShouldBeTrue();
        events[1].GetProperty("state").GetString().ShouldBe("unsealed, active");
    }
}
