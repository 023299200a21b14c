using SecureLaunch.Cli;
using SecureLaunch.Core.Journal;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary><c>run --no-revoke</c>: leases outlive the launch, the journal says so, and <c>down</c> revokes them later.</summary>
public sealed class NoRevokeTests
{
    private const string Seed = "dev: { database: { roles: { app: { ttl: 5m, maxTtl: 1h } } } }";

    [Fact]
    public async Task Leases_outlive_a_no_revoke_launch_until_down_revokes_them_with_a_token()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory($$$"""
            version: 1
            name: {{{fixture.Name}}}
            secrets:
              db: { path: database/creds/app }
            containers:
              once:
                image: busybox:stable
                command: ["sh", "-c", "echo done"]
                env: { DB_USER: "{{ db.username }}" }
            """);
        var store = new JournalStore(fixture.StateDirectory);
        var run = new CliRun(fixture.Environment(spec.Path));

        (await run.RunAsync("run", "-f", spec.File, "--no-revoke")).ShouldBe(0, run.Stderr);

        run.Stderr.ShouldContain($"--no-revoke: 1 lease(s) outlive the launch; securelaunch down {fixture.Name} revokes them");
        fixture.Vault.Leases.ShouldHaveSingleItem().Revoked.ShouldBeFalse();
        (await fixture.ContainersAsync()).ShouldBeEmpty();
        var ended = store.Read(fixture.Name).ShouldNotBeNull();
        ended.State.ShouldBe(JournalState.Ended);
        ended.RevokeOnExit.ShouldBeFalse();
        ended.Leases.ShouldHaveSingleItem().LeaseId.ShouldBe(fixture.Vault.Leases.Single().LeaseId);
        var status = new CliRun(fixture.Environment(spec.Path));
        (await status.RunAsync("status", fixture.Name)).ShouldBe(0, status.Stderr);
        status.Stdout.ShouldStartWith($"{fixture.Name}  ended; its leases were kept (--no-revoke): securelaunch down {fixture.Name} revokes them\n");

        var withoutToken = new CliRun(new TestEnvironment(spec.Path, new Dictionary<string, string>
        {
            ["VAULT_ADDR"] = fixture.Vault.Address.ToString(),
            ["SECURELAUNCH_STATE_DIR"] = fixture.StateDirectory,
        }));
        (await withoutToken.RunAsync("down", fixture.Name)).ShouldBe(ExitCodes.LaunchFailed);
        withoutToken.Stderr.ShouldStartWith("securelaunch: error: lease database/creds/app/");
        withoutToken.Stderr.ShouldContain("(secret db): not revoked: no Vault token: set VAULT_TOKEN");
        fixture.Vault.Leases.Single().Revoked.ShouldBeFalse();
        store.Read(fixture.Name).ShouldNotBeNull().State.ShouldBe(JournalState.Incomplete);

        var down = new CliRun(fixture.Environment(spec.Path));
        (await down.RunAsync("down", fixture.Name)).ShouldBe(0, down.Stderr);
        down.Stdout.ShouldBe($"revoked 1 lease\nlaunch {fixture.Name} is down\n");
        fixture.Vault.Leases.Single().Revoked.ShouldBeTrue();
        File.Exists(store.PathOf(fixture.Name)).ShouldBeFalse();
    }
}
