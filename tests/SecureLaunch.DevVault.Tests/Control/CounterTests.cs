using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Control;

public sealed class CounterTests
{
    private static readonly DevVaultSeed Seed = Seeds.Standard with
    {
        UserpassUsers = new Dictionary<string, DevUserpassUser> { ["alice"] = new("wonderland") { Token = new DevTokenSettings { Policies = ["app"] } } },
        PkiRoles = new Dictionary<string, DevPkiRole> { ["web"] = new() { AllowedDomains = ["internal"], AllowSubdomains = true } },
    };

    [Fact]
    public async Task Logins_are_counted_per_auth_method_and_failed_logins_are_not()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seed);

        await LoginAsync(vault);
        await LoginAsync(vault);
        var failed = await vault.PostAsync("/v1/auth/userpass/login/alice", new JsonObject { ["password"] = "wrong" }, token: null);

        failed.Status.ShouldBe(HttpStatusCode.BadRequest);
        vault.Server.Counters.Logins.ShouldBe(new Dictionary<string, long> { ["userpass"] = 2 });
    }

    [Fact]
    public async Task Lease_and_token_renewals_are_counted_apart()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seed);
        var token = await LoginAsync(vault);
        var lease = (await vault.GetAsync("/v1/database/creds/app", token)).Json["lease_id"]!.GetValue<string>();

        await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = lease }, token);
        await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = lease }, token);
        await vault.PostAsync("/v1/auth/token/renew-self", token: token);
        (await vault.PutAsync("/v1/sys/leases/renew", new JsonObject { ["lease_id"] = "database/creds/app/nope" })).Status.ShouldBe(HttpStatusCode.BadRequest);

        vault.Server.Counters.Renewals.ShouldBe(new Dictionary<string, long> { ["lease"] = 2, ["token"] = 1 });
    }

    [Fact]
    public async Task Revoking_a_token_counts_it_its_children_and_their_leases()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seed);
        var parent = await vault.TokenWithPoliciesAsync("app", "creator");
        var child = (await vault.PostAsync("/v1/auth/token/create", new JsonObject { ["policies"] = new JsonArray("app") }, parent)).Json["auth"]!["client_token"]!.GetValue<string>();
        await vault.GetAsync("/v1/database/creds/app", parent);
        await vault.GetAsync("/v1/database/creds/app", child);

        (await vault.PostAsync("/v1/auth/token/revoke-self", token: parent)).Status.ShouldBe(HttpStatusCode.NoContent);

        var counters = vault.Server.Counters;
        DevVaultCounters.Of(counters.Revocations, "token").ShouldBe(2);
        DevVaultCounters.Of(counters.Revocations, "lease").ShouldBe(2);
        DevVaultCounters.Of(counters.CredentialsIssued, "database").ShouldBe(2);
    }

    [Fact]
    public async Task Lease_revocations_by_id_and_prefix_count_once_each_and_expiry_is_not_a_revocation()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seed);
        var first = (await vault.GetAsync("/v1/database/creds/app")).Json["lease_id"]!.GetValue<string>();
        await vault.GetAsync("/v1/database/creds/app");
        await vault.GetAsync("/v1/database/creds/app");

        await vault.PutAsync("/v1/sys/leases/revoke", new JsonObject { ["lease_id"] = first });
        await vault.PutAsync("/v1/sys/leases/revoke", new JsonObject { ["lease_id"] = first });
        await vault.PutAsync("/v1/sys/leases/revoke-prefix/database/creds/app");
        await vault.GetAsync("/v1/database/creds/app");
        vault.Clock.Advance(TimeSpan.FromMinutes(5));

        DevVaultCounters.Of(vault.Server.Counters.Revocations, "lease").ShouldBe(3);
        vault.Server.Leases.Count(l => l.Expired).ShouldBe(1);
    }

    [Fact]
    public async Task Pki_certificates_count_as_credentials_issued_and_reset_sets_every_counter_to_zero()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seed);
        await vault.PostAsync("/v1/pki/issue/web", new JsonObject { ["common_name"] = "a.internal" });
        await LoginAsync(vault);

        DevVaultCounters.Of(vault.Server.Counters.CredentialsIssued, "pki").ShouldBe(1);
        vault.Server.ResetCounters();

        vault.Server.Counters.ShouldBeEquivalentTo(DevVaultCounters.Empty);
    }

    private static async Task<string> LoginAsync(DevVaultHarness vault)
    {
        var login = await vault.PostAsync("/v1/auth/userpass/login/alice", new JsonObject { ["password"] = "wonderland" }, token: null);
        return login.Json["auth"]!["client_token"]!.GetValue<string>();
    }
}
