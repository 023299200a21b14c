using Microsoft.Extensions.Time.Testing;
using SecureLaunch.DevVault;
using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Secrets;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Integration;

/// <summary>
/// Retries and the circuit breaker against faults the dev Vault injects (500, 503, dropped connections), over real
/// HTTP; the client's backoff and breaks run on a fake clock, so no test waits for them in real time.
/// </summary>
public sealed class FaultDevVaultTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DevVaultFaultKind.InternalServerError)]
    [InlineData(DevVaultFaultKind.ServiceUnavailable)]
    [InlineData(DevVaultFaultKind.DropConnection)]
    public async Task A_kv_read_gets_through_injected_faults_after_backing_off_on_the_clock(DevVaultFaultKind kind)
    {
        await using var vault = await StartAsync();
        var time = new FakeTimeProvider(Start);
        using var client = Client(vault, time);
        vault.InjectFaults(new DevVaultFault(kind) { PathPrefix = "secret/data/" }, 2);

        var secret = await RunAsync(time, client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct));

        secret.Data["k"].GetString().ShouldBe("v");
        time.GetUtcNow().ShouldBeGreaterThanOrEqualTo(Start + TimeSpan.FromSeconds(1.5));
    }

    [Theory]
    [InlineData(DevVaultFaultKind.InternalServerError, typeof(VaultApiException))]
    [InlineData(DevVaultFaultKind.ServiceUnavailable, typeof(VaultApiException))]
    [InlineData(DevVaultFaultKind.DropConnection, typeof(VaultUnreachableException))]
    public async Task Database_credentials_are_not_asked_for_twice_after_a_fault_that_may_have_minted(DevVaultFaultKind kind, Type expected)
    {
        await using var vault = await StartAsync();
        var time = new FakeTimeProvider(Start);
        using var client = Client(vault, time);
        await client.ResolveSecretPathAsync(new SecretRequest { Path = "database/creds/app" }, Ct);
        vault.InjectFaults(new DevVaultFault(kind) { PathPrefix = "database/creds/" }, 1);

        var error = await Should.ThrowAsync<VaultException>(() => RunAsync(time, client.ReadSecretAsync(new SecretRequest { Path = "database/creds/app" }, Ct)));
        var next = await client.ReadSecretAsync(new SecretRequest { Path = "database/creds/app" }, Ct);

        error.ShouldBeOfType(expected);
        vault.Leases.Count.ShouldBe(1);
        vault.Leases[0].LeaseId.ShouldBe(next.Lease!.LeaseId);
    }

    [Fact]
    public async Task A_login_is_not_sent_again_after_a_500()
    {
        await using var vault = await StartAsync();
        var time = new FakeTimeProvider(Start);
        using var client = Client(vault, time);
        vault.InjectFaults(DevVaultFault.InternalServerError with { PathPrefix = "auth/userpass/" }, 1);
        var user = new UserpassAuth { Username = "ci", Password = AuthDevVault.Password };

        var error = await Should.ThrowAsync<VaultApiException>(() => RunAsync(time, client.LoginAsync(user, Ct)));
        var login = await client.LoginAsync(user, Ct);

        error.Kind.ShouldBe(VaultErrorKind.ServerError);
        login.Policies.ShouldContain("app-read");
    }

    [Fact]
    public async Task A_failing_vault_opens_the_circuit_and_is_tried_again_once_the_break_is_over()
    {
        await using var vault = await StartAsync();
        var time = new FakeTimeProvider(Start);
        using var client = Client(vault, time);
        vault.InjectFaults(DevVaultFault.InternalServerError with { PathPrefix = "auth/token/" }, 20);

        var first = await Should.ThrowAsync<VaultApiException>(() => RunAsync(time, client.LookupSelfAsync(Ct)));
        var second = await Should.ThrowAsync<VaultUnreachableException>(() => RunAsync(time, client.LookupSelfAsync(Ct)));
        vault.ClearFaults();
        var stillOpen = await Should.ThrowAsync<VaultUnreachableException>(() => client.LookupSelfAsync(Ct));
        time.Advance(TimeSpan.FromSeconds(15));
        var info = await client.LookupSelfAsync(Ct);

        first.Kind.ShouldBe(VaultErrorKind.ServerError);
        second.Reason.ShouldBe(VaultUnreachableReason.CircuitOpen);
        stillOpen.Reason.ShouldBe(VaultUnreachableReason.CircuitOpen);
        info.Policies.ShouldContain("root");
    }

    private static Task<DevVaultServer> StartAsync() =>
        DevVaultServer.StartAsync(new DevVaultOptions { Seed = DevVaultSeed.FromYaml(DevVaultFixture.Seed + AuthUsers, "t.yaml") }, Ct);

    private const string AuthUsers = $$"""

          policies:
            app-read: |
              path "secret/data/app" { capabilities = ["read"] }
          userpass:
            users:
              ci: { password: {{AuthDevVault.Password}}, tokenPolicies: [app-read] }
        """;

    /// <summary>Backoff 1 s then 2 s, long attempt timeouts: only the delays the test means to advance are on the clock.</summary>
    private static VaultClient Client(DevVaultServer vault, FakeTimeProvider time) => new(new VaultClientOptions
    {
        Address = vault.Address,
        Token = vault.RootToken,
        TimeProvider = time,
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        RetryMaxDelay = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromHours(1),
        Randomizer = () => 0.5,
    });

    /// <summary>Moves the fake clock while the call runs over real loopback HTTP; the brief real pauses only let I/O complete.</summary>
    private static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> call)
    {
        for (var i = 0; !call.IsCompleted && i < 2_000; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, Ct));
        }

        return await call;
    }
}
