using System.Text.Json;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Secrets;

public sealed class LeaseTests
{
    private const string LeaseId = "database/creds/my-role/2f6a614c-4aa2-7b19-24b9-ad944a8d4de6";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Renewal_sends_the_lease_and_increment_in_seconds_and_returns_the_granted_duration()
    {
        using var vault = new TestClient();
        vault.Handler.On("PUT", "/v1/sys/leases/renew", CannedResponse.Ok(Samples.LeaseRenew));

        var lease = await vault.Client.RenewLeaseAsync(LeaseId, TimeSpan.FromMinutes(30), Ct);

        var body = JsonDocument.Parse(vault.Handler.Requests.Single().Body!).RootElement;
        body.GetProperty("lease_id").GetString().ShouldBe(LeaseId);
        body.GetProperty("increment").GetInt64().ShouldBe(1800);
        lease.Duration.ShouldBe(TimeSpan.FromSeconds(2764790));
        lease.Renewable.ShouldBeTrue();
        lease.ObtainedAt.ShouldBe(TestClient.Start);
    }

    [Fact]
    public async Task Renewal_without_an_increment_leaves_it_to_the_backend()
    {
        using var vault = new TestClient();
        vault.Handler.On("PUT", "/v1/sys/leases/renew", CannedResponse.Ok(Samples.LeaseRenew));

        await vault.Client.RenewLeaseAsync(LeaseId, null, Ct);

        JsonDocument.Parse(vault.Handler.Requests.Single().Body!).RootElement.TryGetProperty("increment", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Renewing_a_lease_vault_does_not_know_is_an_invalid_lease()
    {
        using var vault = new TestClient();
        vault.Handler.On("PUT", "/v1/sys/leases/renew", CannedResponse.Error(400, "lease not found"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.RenewLeaseAsync(LeaseId, null, Ct));

        error.Kind.ShouldBe(VaultErrorKind.InvalidLease);
        error.Errors.ShouldBe(["lease not found"]);
        error.Message.ShouldNotContain("2f6a614c");
    }

    [Fact]
    public async Task Revocation_asks_for_a_synchronous_revoke_and_accepts_204()
    {
        using var vault = new TestClient();
        vault.Handler.On("PUT", "/v1/sys/leases/revoke", CannedResponse.NoContent());

        await vault.Client.RevokeLeaseAsync(LeaseId, Ct);

        var body = JsonDocument.Parse(vault.Handler.Requests.Single().Body!).RootElement;
        body.GetProperty("lease_id").GetString().ShouldBe(LeaseId);
        body.GetProperty("sync").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData(400, "lease not found")]
    [InlineData(400, "invalid lease ID")]
    [InlineData(404, "lease not found")]
    public async Task Revoking_a_lease_vault_no_longer_knows_is_not_an_error(int status, string error)
    {
        using var vault = new TestClient();
        vault.Handler.On("PUT", "/v1/sys/leases/revoke", CannedResponse.Error(status, error));

        await vault.Client.RevokeLeaseAsync(LeaseId, Ct);
    }

    [Fact]
    public async Task A_revocation_the_backend_failed_is_an_error()
    {
        using var vault = new TestClient();
        vault.Handler.On("PUT", "/v1/sys/leases/revoke", CannedResponse.Error(400, "failed to revoke entry: connection refused"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.RevokeLeaseAsync(LeaseId, Ct));

        error.Kind.ShouldBe(VaultErrorKind.BadRequest);
    }

    [Fact]
    public async Task Lookup_reads_the_lease_from_data()
    {
        using var vault = new TestClient();
        vault.Handler.On("PUT", "/v1/sys/leases/lookup", CannedResponse.Ok(Samples.LeaseLookup));

        var info = await vault.Client.LookupLeaseAsync("auth/userpass/login/user/h5a2", Ct);

        info.LeaseId.ShouldBe("auth/userpass/login/user/h5a2d7506918f459d022267a3351666b35bd8b5d6d39b0bcfe14927c0e4464225");
        info.Ttl.ShouldBe(TimeSpan.FromSeconds(2764397));
        info.Renewable.ShouldBeTrue();
        info.ExpireTime.ShouldBe(DateTimeOffset.Parse("2024-03-07T20:34:02.005655614+01:00", System.Globalization.CultureInfo.InvariantCulture));
        info.LastRenewal.ShouldBeNull();
    }

    [Fact]
    public async Task Lookup_also_reads_the_older_top_level_shape()
    {
        using var vault = new TestClient();
        vault.Handler.On("PUT", "/v1/sys/leases/lookup", CannedResponse.Ok(Samples.LeaseLookupTopLevel));

        var info = await vault.Client.LookupLeaseAsync("auth/token/create/25c7", Ct);

        info.Ttl.ShouldBe(TimeSpan.FromSeconds(3558));
        info.LeaseId.ShouldBe("auth/token/create/25c75065466dfc5f920525feafe47502c4c9915c");
    }
}
