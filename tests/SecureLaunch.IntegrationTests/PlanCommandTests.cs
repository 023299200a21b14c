using System.Net.Http.Json;
using System.Text.Json;
using SecureLaunch.Cli;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// <c>securelaunch plan</c> against the dev Vault and the real engine: every check reported, the injection table
/// shown with names only, and nothing read or minted.
/// </summary>
public sealed class PlanCommandTests
{
    private const string Seed = """
        dev:
          kv: { secret/app/config: { greeting: hello-from-vault } }
          database: { roles: { app: { ttl: 30s, maxTtl: 2m } } }
          policies:
            narrow: |
              path "secret/data/app/*" { capabilities = ["read"] }
          approle:
            roles:
              ci: { roleId: ci-role-id, secretId: ci-secret-id-0a1b2c, tokenPolicies: [narrow], tokenTtl: 10m }
          userpass:
            users:
              alice: { password: wonderland-9x7, tokenPolicies: [narrow], tokenTtl: 10m }
        """;

    private static string Spec(string name, string auth = "    method: token", string image = "busybox:stable") => $$$"""
        version: 1
        name: {{{name}}}
        vault:
          auth:
        {{{auth}}}
        secrets:
          config: { path: secret/app/config }
          db: { path: database/creds/app }
        containers:
          main:
            image: {{{image}}}
            command: ["sh", "-c", "echo $$GREETING"]
            env:
              GREETING: "{{ config.greeting }}"
              DB_USER: "{{ db.username }}"
            files:
              - { target: /run/secrets/db, content: "{{ db.password }}", mode: "0440", uid: 1000, gid: 1000 }
        """;

    [Fact]
    public async Task A_ready_spec_plans_every_check_as_ok_shows_names_only_and_mints_nothing()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("plan", "-f", spec.File)).ShouldBe(ExitCodes.Success, cli.Stdout + cli.Stderr);

        var lines = cli.Stdout.Split('\n');
        lines.ShouldContain(l => l.StartsWith("  ok    docker ", StringComparison.Ordinal));
        lines.ShouldContain("  ok    image busybox:stable  present (linux/amd64)");
        lines.ShouldContain("  ok    container main        isolation process (default runtime), env hidden from docker inspect");
        lines.ShouldContain(l => l.StartsWith("  ok    auth ", StringComparison.Ordinal) && l.Contains("policies root", StringComparison.Ordinal));
        lines.ShouldContain("  ok    secret config         GET secret/data/app/config (KV v2): allowed (root)");
        lines.ShouldContain("  ok    secret db             GET database/creds/app: allowed (root)");
        lines.ShouldContain("  main       env GREETING          config.greeting  hidden from docker inspect");
        lines.ShouldContain("  main       file /run/secrets/db  db.password      tmpfs, read-only, mode 0440, owner 1000:1000");
        cli.Stdout.ShouldEndWith("plan: ready to run (0 warning(s)); nothing was read or minted\n");
        cli.Stdout.ShouldNotContain("hello-from-vault");
        fixture.Vault.Leases.ShouldBeEmpty();
        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_token_that_may_not_read_a_path_fails_the_plan_at_that_secrets_line_and_revokes_its_login()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, "    method: userpass\n    username: alice\n    passwordEnv: ALICE_PASSWORD"));
        var cli = new CliRun(new TestEnvironment(spec.Path, new Dictionary<string, string>
        {
            ["VAULT_ADDR"] = fixture.Vault.Address.ToString(),
            ["ALICE_PASSWORD"] = "wonderland-9x7",
        }));

        (await cli.RunAsync("plan", "-f", spec.File)).ShouldBe(ExitCodes.PlanFailed, cli.Stdout + cli.Stderr);

        var lines = cli.Stdout.Split('\n');
        lines.ShouldContain("  ok    secret config         GET secret/data/app/config (KV v2): allowed (read)");
        lines.ShouldContain(
            "  FAIL  secret db             securelaunch.yaml:10:3: secret 'db': the token may not read database/creds/app (it has: deny); grant \"read\" on that path in one of its policies");
        lines.ShouldContain(l => l.StartsWith("  warn  auth ", StringComparison.Ordinal) && l.Contains("may not update sys/leases/revoke", StringComparison.Ordinal));
        cli.Stdout.ShouldContain("plan: 1 check(s) failed");
        cli.Stdout.ShouldNotContain("wonderland-9x7");
        fixture.Vault.Leases.ShouldBeEmpty();
        cli.Stdout.ShouldNotContain("could not revoke the token plan logged in for");
    }

    [Fact]
    public async Task A_wrapped_secret_id_is_looked_up_not_unwrapped_so_the_run_after_the_plan_still_logs_in()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        var wrapped = await WrapSecretIdAsync(fixture);
        using var spec = new SpecDirectory(Spec(fixture.Name, "    method: approle\n    roleId: ci-role-id\n    wrappedSecretIdEnv: WRAPPED"));
        var environment = new Dictionary<string, string> { ["VAULT_ADDR"] = fixture.Vault.Address.ToString(), ["WRAPPED"] = wrapped };
        var plan = new CliRun(new TestEnvironment(spec.Path, environment));

        (await plan.RunAsync("plan", "-f", spec.File)).ShouldBe(ExitCodes.Success, plan.Stdout + plan.Stderr);

        plan.Stdout.ShouldContain("  warn  auth ");
        plan.Stdout.ShouldContain("wrapped secret-id from auth/approle/role/ci/secret-id");
        plan.Stdout.ShouldContain("  skip  secret db ");
        var lookup = await PostAsync(fixture, "sys/wrapping/lookup", new { token = wrapped });
        lookup.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, "the plan must not have used the wrapping token up");
    }

    [Fact]
    public async Task Missing_images_warn_and_an_unavailable_runtime_fails_before_vault_is_asked_for_anything()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name, image: "securelaunch.invalid/absent:1\n    isolation: sandbox\n    runtime: no-such-runtime"));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("plan", "-f", spec.File, "--output", "json")).ShouldBe(ExitCodes.PlanFailed, cli.Stderr);

        using var report = JsonDocument.Parse(cli.Stdout);
        report.RootElement.GetProperty("ready").GetBoolean().ShouldBeFalse();
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("area").GetString()!, c => (Status: c.GetProperty("status").GetString(), Detail: c.GetProperty("detail").GetString()!));
        checks["image securelaunch.invalid/absent:1"].Status.ShouldBe("warning");
        checks["container main"].Status.ShouldBe("failed");
        checks["container main"].Detail.ShouldContain("runtime 'no-such-runtime' is not registered with the daemon");
        checks["secret db"].Status.ShouldBe("ok");
        report.RootElement.GetProperty("injections").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Plan_dev_checks_against_the_embedded_dev_vault_seeded_from_the_spec()
    {
        using var spec = new SpecDirectory(Spec($"it-{Guid.NewGuid():N}"[..15]) + Seed.Replace("dev:", "\ndev:", StringComparison.Ordinal));
        var cli = new CliRun(new TestEnvironment(spec.Path));

        (await cli.RunAsync("plan", "--dev", "-f", spec.File)).ShouldBe(ExitCodes.Success, cli.Stdout + cli.Stderr);

        cli.Stdout.ShouldContain("token from the embedded dev Vault");
    }

    private static async Task<string> WrapSecretIdAsync(LaunchFixture fixture)
    {
        using var http = new HttpClient { BaseAddress = fixture.Vault.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/auth/approle/role/ci/secret-id") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Vault-Token", fixture.Vault.RootToken);
        request.Headers.Add("X-Vault-Wrap-TTL", "5m");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("wrap_info").GetProperty("token").GetString()!;
    }

    private static async Task<HttpResponseMessage> PostAsync(LaunchFixture fixture, string path, object body)
    {
        using var http = new HttpClient { BaseAddress = fixture.Vault.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/{path}") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Vault-Token", fixture.Vault.RootToken);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
