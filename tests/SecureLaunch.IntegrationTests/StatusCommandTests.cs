using System.Runtime.Versioning;
using System.Text.Json;
using SecureLaunch.Cli;
using SecureLaunch.Core.Journal;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary><c>status</c> reads the journals a running launcher keeps up to date; a second launch of a running name is refused.</summary>
public sealed class StatusCommandTests
{
    private const string StripeKey = "sk_test_51HqLyjWDarjtT1zdp7dc";

    private const string Seed = $$"""
        dev:
          kv: { secret/app/stripe: { api_key: {{StripeKey}} } }
          database: { roles: { app: { ttl: 20s, maxTtl: 2m } } }
        """;

    private static string Spec(string name) => TestSpecs.Sleeper(name);

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Status_shows_a_running_launch_with_the_renewals_its_launcher_writes_to_a_journal_that_holds_no_secret()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name));
        var environment = fixture.Environment(spec.Path);
        var store = new JournalStore(fixture.StateDirectory);
        var cli = new CliRun(environment);
        var run = cli.RunAsync("run", "-f", spec.File, "--stop-grace", "2");
        await Wait.UntilAsync(() => store.Read(fixture.Name)?.Leases.SingleOrDefault()?.LastRenewedAt is not null, run);

        var json = new CliRun(environment);
        (await json.RunAsync("status", fixture.Name, "--output", "json")).ShouldBe(ExitCodes.Success, json.Stderr);
        var text = new CliRun(environment);
        (await text.RunAsync("status")).ShouldBe(ExitCodes.Success, text.Stderr);
        var journal = store.Read(fixture.Name)!;
        var journalText = await File.ReadAllTextAsync(store.PathOf(fixture.Name), TestContext.Current.CancellationToken);
        var fileValues = SecretFiles.Read(journal.FilesDirectory!, "sleeper", 0).Split(':');
        var journalMode = File.GetUnixFileMode(store.PathOf(fixture.Name));
        cli.Shutdown.Trigger(ExitCodes.Terminated);
        (await run).ShouldBe(ExitCodes.Terminated, cli.Stderr);

        var launch = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("launches").EnumerateArray().ShouldHaveSingleItem();
        launch.GetProperty("name").GetString().ShouldBe(fixture.Name);
        launch.GetProperty("status").GetString().ShouldBe("running");
        launch.GetProperty("launcherAlive").GetBoolean().ShouldBeTrue();
        launch.GetProperty("containers").EnumerateArray().ShouldHaveSingleItem().GetProperty("state").GetString().ShouldBe("running");
        var lease = launch.GetProperty("leases").EnumerateArray().ShouldHaveSingleItem();
        lease.GetProperty("secret").GetString().ShouldBe("db");
        lease.GetProperty("secondsLeft").GetInt64().ShouldBeInRange(0, 20);
        lease.GetProperty("lastRenewedAt").GetDateTimeOffset().ShouldBe(journal.Leases.Single().LastRenewedAt!.Value);
        lease.GetProperty("rotations").GetInt32().ShouldBe(0);
        launch.GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("fingerprint").GetString()).ShouldAllBe(f => f!.StartsWith("hmac-sha256:"));
        text.Stdout.ShouldStartWith($"{fixture.Name}  running\n");
        text.Stdout.ShouldContain($"  container   {fixture.Name}-sleeper-{journal.LaunchId}  running\n");
        text.Stdout.ShouldContain("  lease       db  database/creds/app/");
        text.Stdout.ShouldContain("  secret      stripe  secret/app/stripe  no lease, rotations 0");

        journalMode.ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        foreach (var secret in fileValues.Append(StripeKey).Append(fixture.Vault.RootToken))
        {
            journalText.ShouldNotContain(secret);
        }

        File.Exists(store.PathOf(fixture.Name)).ShouldBeFalse("a clean end removes the journal");
    }

    [Fact]
    public async Task A_second_run_of_a_running_launch_and_a_down_without_force_are_refused()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name));
        var first = new CliRun(fixture.Environment(spec.Path));
        var run = first.RunAsync("run", "-f", spec.File, "--stop-grace", "2");
        await Wait.UntilAsync(() => first.Stdout.Contains("started", StringComparison.Ordinal), run);
        var launchId = new JournalStore(fixture.StateDirectory).Read(fixture.Name)!.LaunchId;

        var second = new CliRun(fixture.Environment(spec.Path));
        (await second.RunAsync("run", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed);
        var down = new CliRun(fixture.Environment(spec.Path));
        (await down.RunAsync("down", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed);
        var containers = await fixture.ContainersAsync();
        first.Shutdown.Trigger(ExitCodes.Terminated);
        (await run).ShouldBe(ExitCodes.Terminated, first.Stderr);

        second.Stderr.ShouldBe(
            $"securelaunch: error: launch '{fixture.Name}' is already running (launch {launchId}, securelaunch pid {System.Environment.ProcessId}); " +
            $"stop it first, or run securelaunch down {fixture.Name}\n");
        down.Stderr.ShouldStartWith($"securelaunch: error: launch '{fixture.Name}' is running (securelaunch pid {System.Environment.ProcessId});");
        containers.ShouldHaveSingleItem().Labels["securelaunch.launch"].ShouldBe(launchId);
        fixture.Vault.Leases.ShouldHaveSingleItem().Revoked.ShouldBeTrue();
    }
}
