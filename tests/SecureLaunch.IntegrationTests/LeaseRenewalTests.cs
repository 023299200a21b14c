using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>While containers run, their leases are renewed, and revoked at the end.</summary>
public sealed class LeaseRenewalTests
{
    [Fact]
    public async Task A_short_lease_is_renewed_while_the_container_runs_and_revoked_after()
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

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

        var lease = fixture.Vault.Leases.ShouldHaveSingleItem();
        lease.LastRenewedAt.ShouldNotBeNull(cli.Stderr);
        lease.Revoked.ShouldBeTrue();
        lease.Expired.ShouldBeFalse("the lease was kept alive past its 20 s TTL until the launch revoked it");
    }
}
