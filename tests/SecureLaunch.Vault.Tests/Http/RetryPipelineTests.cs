using System.Net;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Http;

/// <summary>The retry rule as the pipeline applies it, on a fake clock: no test here waits in real time.</summary>
public sealed class RetryPipelineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SecretRequest Kv => new() { Path = "secret/app" };

    private static SecretRequest Db => new() { Path = "database/creds/app" };

    private static TestClient WithKvMount()
    {
        var vault = new TestClient();
        vault.Handler.OnMount("secret/app", "secret/", "kv", "2");
        return vault;
    }

    private static TestClient WithDbMount()
    {
        var vault = new TestClient();
        vault.Handler.OnMount("database/creds/app", "database/", "database", null);
        return vault;
    }

    [Fact]
    public async Task A_kv_read_is_retried_through_502s_with_growing_backoff_on_the_injected_clock()
    {
        using var vault = WithKvMount();
        var bad = new CannedResponse(HttpStatusCode.BadGateway, """{"errors":["upstream"]}""");
        vault.Handler.On("GET", "/v1/secret/data/app", bad, bad, bad, CannedResponse.Ok(Samples.KvV2Read));

        var secret = await vault.RunAsync(c => c.ReadSecretAsync(Kv, Ct));

        secret.Data["foo"].GetString().ShouldBe("bar");
        var attempts = vault.Handler.Requests.Where(r => r.PathAndQuery == "/v1/secret/data/app").Select(r => r.At).ToArray();
        attempts.Length.ShouldBe(4);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToArray();
        gaps.ShouldAllBe(g => g > TimeSpan.Zero && g <= TimeSpan.FromSeconds(2) + TimeSpan.FromMilliseconds(50));
        attempts[^1].ShouldBeGreaterThan(TestClient.Start);
    }

    [Fact]
    public async Task Nothing_is_retried_before_the_backoff_has_elapsed_on_the_clock()
    {
        using var vault = WithKvMount();
        vault.Handler.On("GET", "/v1/secret/data/app", new CannedResponse(HttpStatusCode.InternalServerError), CannedResponse.Ok(Samples.KvV2Read));

        var task = vault.Client.ReadSecretAsync(Kv, Ct);
        await Task.Yield();

        vault.Handler.Count("GET", "/v1/secret/data/app").ShouldBe(1);
        task.IsCompleted.ShouldBeFalse();
        var secret = await vault.RunAsync(_ => task);
        secret.Version.ShouldBe(2);
        vault.Handler.Count("GET", "/v1/secret/data/app").ShouldBe(2);
    }

    [Fact]
    public async Task Database_credentials_are_not_requested_again_after_a_502_because_the_first_may_have_minted_a_user()
    {
        using var vault = WithDbMount();
        vault.Handler.On("GET", "/v1/database/creds/app", CannedResponse.Error(502, "error creating user"), CannedResponse.Ok(Samples.DatabaseCreds));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.RunAsync(c => c.ReadSecretAsync(Db, Ct)));

        error.Kind.ShouldBe(VaultErrorKind.UpstreamError);
        error.Errors.ShouldBe(["error creating user"]);
        vault.Handler.Count("GET", "/v1/database/creds/app").ShouldBe(1);
    }

    [Fact]
    public async Task Database_credentials_are_requested_again_when_the_connection_was_refused()
    {
        using var vault = WithDbMount();
        vault.Handler.On("GET", "/v1/database/creds/app", CannedResponse.ConnectionRefused(), CannedResponse.Ok(Samples.DatabaseCreds));

        var secret = await vault.RunAsync(c => c.ReadSecretAsync(Db, Ct));

        secret.Lease.ShouldNotBeNull();
        vault.Handler.Count("GET", "/v1/database/creds/app").ShouldBe(2);
    }

    [Fact]
    public async Task Database_credentials_are_not_requested_again_when_the_connection_broke_mid_request()
    {
        using var vault = WithDbMount();
        vault.Handler.On("GET", "/v1/database/creds/app", CannedResponse.ConnectionReset(), CannedResponse.Ok(Samples.DatabaseCreds));

        var error = await Should.ThrowAsync<VaultUnreachableException>(() => vault.RunAsync(c => c.ReadSecretAsync(Db, Ct)));

        error.Reason.ShouldBe(VaultUnreachableReason.ConnectionLost);
        error.RequestMayHaveBeenSent.ShouldBeTrue();
        vault.Handler.Count("GET", "/v1/database/creds/app").ShouldBe(1);
    }

    [Fact]
    public async Task A_sealed_vault_is_reported_at_once_and_not_retried()
    {
        using var vault = WithKvMount();
        vault.Handler.On("GET", "/v1/secret/data/app", CannedResponse.Error(503, "Vault is sealed"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.RunAsync(c => c.ReadSecretAsync(Kv, Ct)));

        error.Kind.ShouldBe(VaultErrorKind.Sealed);
        vault.Handler.Count("GET", "/v1/secret/data/app").ShouldBe(1);
    }

    [Fact]
    public async Task A_429_waits_as_long_as_retry_after_asks()
    {
        using var vault = WithKvMount();
        var limited = CannedResponse.Error(429, "request path \"secret/data/app\": rate limit quota exceeded") with
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
        };
        vault.Handler.On("GET", "/v1/secret/data/app", limited, CannedResponse.Ok(Samples.KvV2Read));

        await vault.RunAsync(c => c.ReadSecretAsync(Kv, Ct), step: TimeSpan.FromMilliseconds(100));

        var attempts = vault.Handler.Requests.Where(r => r.PathAndQuery == "/v1/secret/data/app").Select(r => r.At).ToArray();
        (attempts[1] - attempts[0]).ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.1));
    }

    [Fact]
    public async Task A_hung_attempt_times_out_on_the_clock_and_surfaces_as_unreachable_after_all_attempts()
    {
        using var vault = new TestClient(o => o with { MaxAttempts = 2 });
        vault.Handler.OnMount("secret/app", "secret/", "kv", "2");
        vault.Handler.On("GET", "/v1/secret/data/app", async (_, ct) =>
        {
            await new TaskCompletionSource().Task.WaitAsync(ct);
            throw new InvalidOperationException("unreachable");
        });

        var error = await Should.ThrowAsync<VaultUnreachableException>(() => vault.RunAsync(c => c.ReadSecretAsync(Kv, Ct), step: TimeSpan.FromMilliseconds(500)));

        error.Reason.ShouldBe(VaultUnreachableReason.TimedOut);
        error.Address.ShouldBe(new Uri("http://127.0.0.1:8200"));
        error.Message.ShouldContain("http://127.0.0.1:8200");
        vault.Handler.Count("GET", "/v1/secret/data/app").ShouldBe(2);
        vault.Time.GetUtcNow().ShouldBeGreaterThanOrEqualTo(TestClient.Start + TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task One_attempt_means_no_retry()
    {
        using var vault = new TestClient(o => o with { MaxAttempts = 1 });
        vault.Handler.OnMount("secret/app", "secret/", "kv", "2");
        vault.Handler.On("GET", "/v1/secret/data/app", CannedResponse.Error(500, "internal error"), CannedResponse.Ok(Samples.KvV2Read));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.RunAsync(c => c.ReadSecretAsync(Kv, Ct)));

        error.Kind.ShouldBe(VaultErrorKind.ServerError);
        vault.Handler.Count("GET", "/v1/secret/data/app").ShouldBe(1);
    }

    [Fact]
    public async Task Connection_refused_on_every_attempt_is_unreachable_and_nothing_was_sent()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/sys/health", CannedResponse.ConnectionRefused());

        var error = await Should.ThrowAsync<VaultUnreachableException>(() => vault.RunAsync(c => c.GetHealthAsync(Ct)));

        error.Reason.ShouldBe(VaultUnreachableReason.ConnectionFailed);
        error.RequestMayHaveBeenSent.ShouldBeFalse();
        vault.Handler.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_vault_error()
    {
        using var vault = WithKvMount();
        vault.Handler.On("GET", "/v1/secret/data/app", CannedResponse.Error(500));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var task = vault.Client.ReadSecretAsync(Kv, cts.Token);
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => task);
    }
}
