namespace SecureLaunch.Conformance.Tests.Secrets;

/// <summary>The bootstrap's roles: <c>app</c> (dynamic, 30 s, max 2 m) and <c>app-static</c> (static, rotated daily).</summary>
public sealed class DatabaseTests
{
    [Fact]
    public async Task Dynamic_credentials_come_under_a_renewable_lease_of_the_roles_ttl()
    {
        await using var vault = await VaultTarget.StartAsync();

        var creds = await vault.DatabaseCredsAsync();

        creds.Text("lease_id").ShouldStartWith("database/creds/app/");
        creds.Flag("renewable").ShouldBeTrue();
        creds.Number("lease_duration").ShouldBe(30);
        creds.Text("data.username").ShouldNotBeEmpty();
        creds.Text("data.password").ShouldNotBeEmpty();
        creds.Text("mount_type").ShouldBe("database");
    }

    [Fact]
    public async Task A_renewal_past_the_roles_max_ttl_is_capped_with_a_warning()
    {
        await using var vault = await VaultTarget.StartAsync();
        var lease = (await vault.DatabaseCredsAsync()).Text("lease_id");

        var renew = await vault.PutAsync("sys/leases/renew", new JsonObject { ["lease_id"] = lease, ["increment"] = "1h" });

        renew.Status.ShouldBe(HttpStatusCode.OK);
        renew.Text("lease_id").ShouldBe(lease);
        renew.Flag("renewable").ShouldBeTrue();
        vault.ShouldBeTtl(renew.Number("lease_duration"), 120);
        renew.Strings("warnings").Single().ShouldContain("capped");
    }

    [Fact]
    public async Task On_the_clock_renewals_run_out_at_the_max_ttl()
    {
        VaultTarget.RequireDevVault("moves the clock");
        await using var vault = await VaultTarget.StartAsync();
        var lease = (await vault.DatabaseCredsAsync()).Text("lease_id");
        vault.Advance(TimeSpan.FromSeconds(20));
        var first = await vault.PutAsync("sys/leases/renew", new JsonObject { ["lease_id"] = lease, ["increment"] = "60s" });
        vault.Advance(TimeSpan.FromSeconds(50));
        var capped = await vault.PutAsync("sys/leases/renew", new JsonObject { ["lease_id"] = lease, ["increment"] = "60s" });
        vault.Advance(TimeSpan.FromSeconds(51));

        var late = await vault.PutAsync("sys/leases/renew", new JsonObject { ["lease_id"] = lease });

        first.Number("lease_duration").ShouldBe(60);
        capped.Number("lease_duration").ShouldBe(50);
        late.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Static_credentials_carry_no_lease_and_cannot_be_renewed()
    {
        await using var vault = await VaultTarget.StartAsync();

        var creds = await vault.GetAsync("database/static-creds/app-static");

        creds.Status.ShouldBe(HttpStatusCode.OK);
        creds.Text("lease_id").ShouldBeEmpty();
        creds.Flag("renewable").ShouldBeFalse();
        creds.Number("lease_duration").ShouldBe(0);
        creds.Text("data.username").ShouldBe("app_static");
        creds.Text("data.password").ShouldNotBeEmpty();
        creds.Number("data.rotation_period").ShouldBe(86400);
        creds.Number("data.ttl").ShouldBeInRange(1, 86400);
        creds.Text("data.last_vault_rotation").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Creds_for_an_unknown_role_are_400()
    {
        await using var vault = await VaultTarget.StartAsync();

        var call = await vault.GetAsync("database/creds/" + Names.Unique("role"));

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.Single().ShouldStartWith("unknown role: ");
    }
}
