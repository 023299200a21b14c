using System.Net;
using System.Net.Http.Json;
using SecureLaunch.Cli;
using SecureLaunch.Core.Journal;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// A launcher killed with SIGKILL cleans up nothing; its journal is what <c>down</c>, or the next <c>run</c> of the same
/// name, cleans up from: containers, leases, the token it logged in for, its secret files.
/// </summary>
public sealed class JournalCrashTests
{
    private const string Password = "wonderland-9x7";

    private const string Seed = """
        dev:
          kv: { secret/app/config: { greeting: hello-from-vault } }
          database: { roles: { app: { ttl: 30s, maxTtl: 2m } } }
          policies:
            app: |
              path "secret/data/app/*" { capabilities = ["read"] }
              path "database/creds/app" { capabilities = ["read"] }
              path "sys/leases/renew" { capabilities = ["update"] }
              path "sys/leases/revoke" { capabilities = ["update"] }
              path "auth/token/revoke-accessor" { capabilities = ["update"] }
          userpass:
            users:
              alice: { password: wonderland-9x7, tokenPolicies: [app], tokenTtl: 10m }
        """;

    private static string Spec(string name, string command = "echo started; exec sleep 300") => $$$"""
        version: 1
        name: {{{name}}}
        vault:
          auth: { method: userpass, username: alice, passwordEnv: ALICE_PASSWORD }
        secrets:
          config: { path: secret/app/config }
          db: { path: database/creds/app }
        containers:
          sleeper:
            image: busybox:stable
            command: ["sh", "-c", "{{{command}}}"]
            env: { GREETING: "{{ config.greeting }}" }
            files:
              - { target: /run/secrets/db, content: "{{ db.username }}:{{ db.password }}", mode: "0400" }
        """;

    [Fact]
    public async Task After_SIGKILL_down_removes_the_container_revokes_the_lease_and_the_token_and_deletes_the_files_and_the_journal()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name));
        var store = new JournalStore(fixture.StateDirectory);
        var environment = Environment(fixture);
        LaunchJournal journal;
        using (var launcher = await ChildLauncher.StartAsync(spec.File, environment))
        {
            journal = store.Read(fixture.Name).ShouldNotBeNull();
            var secretFile = SecretFiles.Read(journal.FilesDirectory.ShouldNotBeNull(), "sleeper", 0);
            var journalText = File.ReadAllText(store.PathOf(fixture.Name));
            foreach (var secret in secretFile.Split(':').Append("hello-from-vault").Append(Password).Append(fixture.Vault.RootToken).Append("hvs."))
            {
                journalText.ShouldNotContain(secret);
            }

            await launcher.SignalAsync("KILL");
            await launcher.WaitForExitAsync();
        }

        journal.Vault.TokenCreated.ShouldBeTrue();
        (await fixture.ContainersAsync()).ShouldHaveSingleItem().State.ShouldBe("running", "SIGKILL left the container running");
        fixture.Vault.Leases.ShouldHaveSingleItem().Revoked.ShouldBeFalse();
        var status = new CliRun(new TestEnvironment(spec.Path, environment));
        (await status.RunAsync("status", fixture.Name)).ShouldBe(ExitCodes.Success, status.Stderr);
        status.Stdout.ShouldStartWith($"{fixture.Name}  crashed: run securelaunch down {fixture.Name}\n");
        var down = new CliRun(new TestEnvironment(spec.Path, environment));

        (await down.RunAsync("down", fixture.Name, "--stop-grace", "2")).ShouldBe(ExitCodes.Success, down.Stdout + down.Stderr);

        (await fixture.ContainersAsync()).ShouldBeEmpty();
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
        (await RevokeAccessorAsync(fixture, journal.Vault.TokenAccessor!)).ShouldBe(HttpStatusCode.BadRequest, "the crashed launch's token is gone");
        Directory.Exists(journal.FilesDirectory).ShouldBeFalse();
        File.Exists(store.PathOf(fixture.Name)).ShouldBeFalse();
        down.Stdout.ShouldContain($"removed container {fixture.Name}-sleeper-{journal.LaunchId}");
        down.Stdout.ShouldContain("revoked 1 lease");
        down.Stdout.ShouldContain($"revoked the token the launch logged in for (accessor {journal.Vault.TokenAccessor})");
        down.Stdout.ShouldEndWith($"launch {fixture.Name} is down\n");

        var again = new CliRun(new TestEnvironment(spec.Path, environment));
        (await again.RunAsync("down", fixture.Name)).ShouldBe(ExitCodes.Success, again.Stderr);
        again.Stdout.ShouldBe($"nothing to do: no launch named {fixture.Name} (journals in {store.Directory})\n");
    }

    [Fact]
    public async Task A_new_run_of_the_name_cleans_up_after_a_launcher_killed_with_SIGKILL_and_then_runs()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var crashed = new SpecDirectory(Spec(fixture.Name));
        using var next = new SpecDirectory(Spec(fixture.Name, "echo second run"));
        var environment = Environment(fixture);
        var store = new JournalStore(fixture.StateDirectory);
        string crashedLaunch;
        using (var launcher = await ChildLauncher.StartAsync(crashed.File, environment))
        {
            crashedLaunch = store.Read(fixture.Name)!.LaunchId;
            await launcher.SignalAsync("KILL");
            await launcher.WaitForExitAsync();
        }

        var run = new CliRun(new TestEnvironment(next.Path, environment));

        (await run.RunAsync("run", "-f", next.File)).ShouldBe(0, run.Stderr);

        run.Stdout.ShouldBe("second run\n");
        run.Stderr.ShouldContain($"the earlier launch {crashedLaunch} (securelaunch pid");
        run.Stderr.ShouldContain($"earlier launch {crashedLaunch}: removed container {fixture.Name}-sleeper-{crashedLaunch}");
        run.Stderr.ShouldContain($"earlier launch {crashedLaunch}: revoked 1 lease");
        (await fixture.ContainersAsync()).ShouldBeEmpty();
        fixture.Vault.Leases.Count.ShouldBe(2);
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
        File.Exists(store.PathOf(fixture.Name)).ShouldBeFalse();
    }

    [Fact]
    public async Task Down_refuses_a_running_launch_and_with_force_stops_it_in_order()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name));
        var environment = Environment(fixture);
        using var launcher = await ChildLauncher.StartAsync(spec.File, environment);
        var refused = new CliRun(new TestEnvironment(spec.Path, environment));

        (await refused.RunAsync("down", fixture.Name)).ShouldBe(ExitCodes.LaunchFailed);
        refused.Stderr.ShouldBe(
            $"securelaunch: error: launch '{fixture.Name}' is running (securelaunch pid {launcher.Process.Id}); stop it with Ctrl-C or kill -TERM {launcher.Process.Id}, " +
            $"or use securelaunch down --force {fixture.Name}\n");
        (await fixture.ContainersAsync()).ShouldHaveSingleItem();

        var forced = new CliRun(new TestEnvironment(spec.Path, environment));
        (await forced.RunAsync("down", "--force", fixture.Name)).ShouldBe(ExitCodes.Success, forced.Stdout + forced.Stderr);

        (await launcher.WaitForExitAsync()).ShouldBe(ExitCodes.Terminated, await launcher.Stderr);
        forced.Stdout.ShouldBe(
            $"stopping launch {fixture.Name}: SIGTERM to securelaunch pid {launcher.Process.Id}\n" +
            $"launch {fixture.Name} is down (its securelaunch cleaned up before ending)\n");
        (await fixture.ContainersAsync()).ShouldBeEmpty();
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
    }

    private static Dictionary<string, string> Environment(LaunchFixture fixture) => new()
    {
        ["VAULT_ADDR"] = fixture.Vault.Address.ToString(),
        ["ALICE_PASSWORD"] = Password,
        ["SECURELAUNCH_STATE_DIR"] = fixture.StateDirectory,
    };

    private static async Task<HttpStatusCode> RevokeAccessorAsync(LaunchFixture fixture, string accessor)
    {
        using var http = new HttpClient { BaseAddress = fixture.Vault.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/auth/token/revoke-accessor") { Content = JsonContent.Create(new { accessor }) };
        request.Headers.Add("X-Vault-Token", fixture.Vault.RootToken);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
