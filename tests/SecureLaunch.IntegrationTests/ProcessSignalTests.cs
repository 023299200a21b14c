using System.Diagnostics;
using SecureLaunch.Cli;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// The real <c>securelaunch</c> process receiving real signals: the in-process tests cannot show that
/// the signal handlers are registered and that the default termination is suppressed.
/// </summary>
public sealed class ProcessSignalTests
{
    private const string Seed = "dev: { database: { roles: { app: { ttl: 30s, maxTtl: 2m } } } }";

    [Theory]
    [InlineData("INT", ExitCodes.Interrupted)]
    [InlineData("TERM", ExitCodes.Terminated)]
    public async Task A_signal_stops_the_container_passes_on_its_last_words_revokes_the_lease_and_sets_the_exit_code(string signal, int expectedExitCode)
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory($$$"""
            version: 1
            name: {{{fixture.Name}}}
            secrets:
              db: { path: database/creds/app }
            containers:
              sleeper:
                image: busybox:stable
                command: ["sh", "-c", "trap 'echo stopping on TERM; exit 0' TERM; echo started; while :; do sleep 1; done"]
                env: { DB_USER: "{{ db.username }}" }
            """);
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "securelaunch"), ["run", "-f", spec.File, "--stop-grace", "2"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["VAULT_ADDR"] = fixture.Vault.Address.ToString();
        start.Environment["VAULT_TOKEN"] = fixture.Vault.RootToken;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        var firstLine = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask()
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        firstLine.ShouldBe("started");
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(expectedExitCode, await stderr);
        (await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).ShouldContain("stopping on TERM", customMessage: "what the container prints while it stops still comes through");
        fixture.Vault.Leases.ShouldHaveSingleItem().Revoked.ShouldBeTrue();
        (await fixture.ContainersAsync()).ShouldBeEmpty();
    }
}
