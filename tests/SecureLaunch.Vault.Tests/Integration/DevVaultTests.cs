using System.Net;
using System.Net.Sockets;
using SecureLaunch.Vault.Secrets;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Integration;

/// <summary>The client against the embedded dev Vault, over real HTTP on loopback.</summary>
public sealed class DevVaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_kv_v2_secret_is_read_after_detecting_the_mount()
    {
        await using var vault = await DevVaultFixture.StartAsync(Ct);
        using var client = DevVaultFixture.ClientFor(vault);

        var secret = await client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct);

        secret.KvVersion.ShouldBe(2);
        secret.Version.ShouldBe(1);
        secret.Data["k"].GetString().ShouldBe("v");
        secret.Data["other"].GetString().ShouldBe("two");
        secret.Lease.ShouldBeNull();
    }

    [Fact]
    public async Task A_kv_v1_secret_is_read_from_its_path()
    {
        await using var vault = await DevVaultFixture.StartAsync(Ct);
        using var client = DevVaultFixture.ClientFor(vault);

        var secret = await client.ReadSecretAsync(new SecretRequest { Path = "kv/old" }, Ct);

        secret.KvVersion.ShouldBe(1);
        secret.Data["k"].GetString().ShouldBe("v1-value");
        secret.Lease.ShouldBeNull();
    }

    [Fact]
    public async Task Database_credentials_come_with_a_renewable_lease_the_dev_vault_tracks()
    {
        await using var vault = await DevVaultFixture.StartAsync(Ct);
        using var client = DevVaultFixture.ClientFor(vault);

        var secret = await client.ReadSecretAsync(new SecretRequest { Path = "database/creds/app" }, Ct);

        secret.Data["username"].GetString().ShouldNotBeNullOrEmpty();
        secret.Data["password"].GetString().ShouldNotBeNullOrEmpty();
        secret.Lease.ShouldNotBeNull();
        secret.Lease.Duration.ShouldBe(TimeSpan.FromSeconds(30));
        secret.Lease.Renewable.ShouldBeTrue();
        vault.Leases.ShouldContain(l => l.LeaseId == secret.Lease.LeaseId && l.Path == "database/creds/app" && !l.Revoked);
    }

    [Fact]
    public async Task A_lease_is_renewed_and_vault_reports_the_granted_duration()
    {
        await using var vault = await DevVaultFixture.StartAsync(Ct);
        using var client = DevVaultFixture.ClientFor(vault);
        var secret = await client.ReadSecretAsync(new SecretRequest { Path = "database/creds/app" }, Ct);

        var renewed = await client.RenewLeaseAsync(secret.Lease!.LeaseId, TimeSpan.FromSeconds(60), Ct);

        renewed.LeaseId.ShouldBe(secret.Lease.LeaseId);
        renewed.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
        renewed.Duration.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(2));
        vault.Leases.Single(l => l.LeaseId == secret.Lease.LeaseId).LastRenewedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_revoked_lease_shows_revoked_in_the_dev_vault_and_a_second_revoke_is_not_an_error()
    {
        await using var vault = await DevVaultFixture.StartAsync(Ct);
        using var client = DevVaultFixture.ClientFor(vault);
        var secret = await client.ReadSecretAsync(new SecretRequest { Path = "database/creds/app" }, Ct);

        await client.RevokeLeaseAsync(secret.Lease!.LeaseId, Ct);
        await client.RevokeLeaseAsync(secret.Lease.LeaseId, Ct);

        vault.Leases.Single(l => l.LeaseId == secret.Lease.LeaseId).Revoked.ShouldBeTrue();
        var renewal = await Should.ThrowAsync<VaultApiException>(() => client.RenewLeaseAsync(secret.Lease.LeaseId, null, Ct));
        renewal.Kind.ShouldBe(VaultErrorKind.InvalidLease);
    }

    [Fact]
    public async Task A_lease_lookup_reports_its_ttl()
    {
        await using var vault = await DevVaultFixture.StartAsync(Ct);
        using var client = DevVaultFixture.ClientFor(vault);
        var secret = await client.ReadSecretAsync(new SecretRequest { Path = "database/creds/app" }, Ct);

        var info = await client.LookupLeaseAsync(secret.Lease!.LeaseId, Ct);

        info.LeaseId.ShouldBe(secret.Lease.LeaseId);
        info.Ttl.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        info.Renewable.ShouldBeTrue();
    }

    [Fact]
    public async Task A_bad_token_is_permission_denied_carrying_vaults_errors()
    {
        await using var vault = await DevVaultFixture.StartAsync(Ct);
        using var client = DevVaultFixture.ClientFor(vault, token: "hvs.not-a-real-token");

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct));

        error.Kind.ShouldBe(VaultErrorKind.PermissionDenied);
        error.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        error.Errors.ShouldNotBeEmpty();
        error.ToString().ShouldNotContain("hvs.not-a-real-token");
    }

    [Fact]
    public async Task A_missing_kv_path_is_not_found()
    {
        await using var vault = await DevVaultFixture.StartAsync(Ct);
        using var client = DevVaultFixture.ClientFor(vault);

        var error = await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretAsync(new SecretRequest { Path = "secret/missing" }, Ct));

        error.Kind.ShouldBe(VaultErrorKind.NotFound);
        error.Path.ShouldBe("secret/data/missing");
    }

    [Fact]
    public async Task Health_and_lookup_self_answer_for_the_root_token()
    {
        await using var vault = await DevVaultFixture.StartAsync(Ct);
        using var client = DevVaultFixture.ClientFor(vault);

        var health = await client.GetHealthAsync(Ct);
        var token = await client.LookupSelfAsync(Ct);

        health.StatusCode.ShouldBe(200);
        health.Initialized.ShouldBeTrue();
        health.Sealed.ShouldBeFalse();
        token.Policies.ShouldContain("root");
        token.Accessor.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_closed_loopback_port_is_unreachable_and_the_message_names_the_address()
    {
        var address = new Uri($"http://127.0.0.1:{ClosedPort()}");
        using var client = new VaultClient(new VaultClientOptions
        {
            Address = address,
            Token = "hvs.whatever",
            MaxAttempts = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        });

        var error = await Should.ThrowAsync<VaultUnreachableException>(() => client.GetHealthAsync(Ct));

        error.Address.ShouldBe(address);
        error.Reason.ShouldBe(VaultUnreachableReason.ConnectionFailed);
        error.RequestMayHaveBeenSent.ShouldBeFalse();
        error.Message.ShouldContain(address.Authority);
    }

    /// <summary>A port that was free a moment ago: bound, read, released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
