using Microsoft.Extensions.Logging;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Http;

/// <summary>The circuit breaker in the one pipeline, on the fake clock: a dead Vault is not hammered.</summary>
public sealed class CircuitBreakerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TestClient Breaker(int maxAttempts = 1, RecordingLogger? logger = null) => new(
        o => o with
        {
            MaxAttempts = maxAttempts,
            CircuitBreaker = new VaultCircuitBreakerOptions
            {
                MinimumThroughput = 2,
                FailureRatio = 0.5,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
            },
        },
        logger);

    [Fact]
    public async Task Once_open_calls_fail_at_once_without_sending_and_say_so()
    {
        var logger = new RecordingLogger();
        using var vault = Breaker(logger: logger);
        vault.Handler.On("GET", "/v1/sys/health", CannedResponse.ConnectionRefused());

        await Should.ThrowAsync<VaultUnreachableException>(() => vault.Client.GetHealthAsync(Ct));
        await Should.ThrowAsync<VaultUnreachableException>(() => vault.Client.GetHealthAsync(Ct));
        var error = await Should.ThrowAsync<VaultUnreachableException>(() => vault.Client.GetHealthAsync(Ct));

        error.Reason.ShouldBe(VaultUnreachableReason.CircuitOpen);
        error.RequestMayHaveBeenSent.ShouldBeFalse();
        error.Message.ShouldBe("Vault at http://127.0.0.1:8200 could not be reached for GET sys/health: "
            + "it failed repeatedly just before, so requests are paused for a while (circuit open).");
        vault.Handler.Count("GET", "/v1/sys/health").ShouldBe(2);
        logger.At(LogLevel.Warning).ShouldContain(l => l.Contains("keeps failing") && l.Contains("00:00:15"));
    }

    [Fact]
    public async Task After_the_break_one_trial_goes_through_and_success_closes_the_circuit()
    {
        var logger = new RecordingLogger();
        using var vault = Breaker(logger: logger);
        vault.Handler.On("GET", "/v1/sys/health",
            CannedResponse.ConnectionRefused(), CannedResponse.ConnectionRefused(), CannedResponse.Ok(Samples.Health));
        await Should.ThrowAsync<VaultUnreachableException>(() => vault.Client.GetHealthAsync(Ct));
        await Should.ThrowAsync<VaultUnreachableException>(() => vault.Client.GetHealthAsync(Ct));

        vault.Time.Advance(TimeSpan.FromSeconds(14));
        var stillOpen = await Should.ThrowAsync<VaultUnreachableException>(() => vault.Client.GetHealthAsync(Ct));
        vault.Time.Advance(TimeSpan.FromSeconds(1));
        var trial = await vault.Client.GetHealthAsync(Ct);
        var after = await vault.Client.GetHealthAsync(Ct);

        stillOpen.Reason.ShouldBe(VaultUnreachableReason.CircuitOpen);
        trial.StatusCode.ShouldBe(200);
        after.StatusCode.ShouldBe(200);
        vault.Handler.Count("GET", "/v1/sys/health").ShouldBe(4);
        logger.Lines.ShouldContain(l => l.Contains("circuit closed"));
    }

    [Fact]
    public async Task A_dead_vault_gets_no_more_attempts_once_the_circuit_opens_even_with_retries()
    {
        using var vault = new TestClient(o => o with { MaxAttempts = 4 });
        vault.Handler.On("GET", "/v1/sys/health", CannedResponse.ConnectionRefused());

        var first = await Should.ThrowAsync<VaultUnreachableException>(() => vault.RunAsync(c => c.GetHealthAsync(Ct)));
        var second = await Should.ThrowAsync<VaultUnreachableException>(() => vault.RunAsync(c => c.GetHealthAsync(Ct)));
        var third = await Should.ThrowAsync<VaultUnreachableException>(() => vault.RunAsync(c => c.GetHealthAsync(Ct)));

        // The defaults: 6 attempts at a failure ratio of 1 open it; the 2nd call's 3rd attempt is refused.
        first.Reason.ShouldBe(VaultUnreachableReason.ConnectionFailed);
        second.Reason.ShouldBe(VaultUnreachableReason.CircuitOpen);
        third.Reason.ShouldBe(VaultUnreachableReason.CircuitOpen);
        vault.Handler.Count("GET", "/v1/sys/health").ShouldBe(6);
    }

    [Fact]
    public async Task A_sealed_vault_never_opens_the_circuit_so_unsealing_still_goes_through()
    {
        using var vault = Breaker();
        vault.Handler.OnMount("secret/app", "secret/", "kv", "2");
        vault.Handler.On("GET", "/v1/secret/data/app", CannedResponse.Error(503, "Vault is sealed"));
        vault.Handler.On("GET", "/v1/sys/health", new CannedResponse(System.Net.HttpStatusCode.ServiceUnavailable, Samples.HealthWith(true, true, false)));
        vault.Handler.On("POST", "/v1/sys/unseal", CannedResponse.Ok(SysSamples.Unsealed));

        for (var i = 0; i < 5; i++)
        {
            (await Should.ThrowAsync<VaultApiException>(() => vault.Client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct)))
                .Kind.ShouldBe(VaultErrorKind.Sealed);
            (await vault.Client.GetHealthAsync(Ct)).Sealed.ShouldBeTrue();
        }

        (await vault.Client.UnsealAsync("key", Ct)).Sealed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(502)]
    public async Task Answers_vault_gave_on_purpose_never_open_the_circuit(int status)
    {
        using var vault = Breaker();
        vault.Handler.On("GET", "/v1/auth/token/lookup-self", CannedResponse.Error(status, "no"));

        for (var i = 0; i < 5; i++)
        {
            await Should.ThrowAsync<VaultApiException>(() => vault.Client.LookupSelfAsync(Ct));
        }

        vault.Handler.Count("GET", "/v1/auth/token/lookup-self").ShouldBe(5);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(504)]
    public async Task Server_errors_open_the_circuit(int status)
    {
        using var vault = Breaker();
        vault.Handler.On("GET", "/v1/auth/token/lookup-self", CannedResponse.Error(status, "boom"));

        await Should.ThrowAsync<VaultApiException>(() => vault.Client.LookupSelfAsync(Ct));
        await Should.ThrowAsync<VaultApiException>(() => vault.Client.LookupSelfAsync(Ct));
        var error = await Should.ThrowAsync<VaultUnreachableException>(() => vault.Client.LookupSelfAsync(Ct));

        error.Reason.ShouldBe(VaultUnreachableReason.CircuitOpen);
    }

    [Fact]
    public async Task Without_a_breaker_every_call_is_sent()
    {
        using var vault = new TestClient(o => o with { MaxAttempts = 1, CircuitBreaker = null });
        vault.Handler.On("GET", "/v1/sys/health", CannedResponse.ConnectionRefused());

        for (var i = 0; i < 10; i++)
        {
            (await Should.ThrowAsync<VaultUnreachableException>(() => vault.Client.GetHealthAsync(Ct))).Reason.ShouldBe(VaultUnreachableReason.ConnectionFailed);
        }

        vault.Handler.Count("GET", "/v1/sys/health").ShouldBe(10);
    }

    [Theory]
    [InlineData(0.0, 2, 1.0, 1.0)]
    [InlineData(1.5, 2, 1.0, 1.0)]
    [InlineData(0.5, 1, 1.0, 1.0)]
    [InlineData(0.5, 2, 0.1, 1.0)]
    [InlineData(0.5, 2, 1.0, 0.1)]
    public void Breaker_settings_polly_would_refuse_are_refused_naming_the_options(double ratio, int throughput, double sampling, double breakSeconds)
    {
        var options = new VaultClientOptions
        {
            Address = new Uri("http://127.0.0.1:8200"),
            CircuitBreaker = new VaultCircuitBreakerOptions
            {
                FailureRatio = ratio,
                MinimumThroughput = throughput,
                SamplingDuration = TimeSpan.FromSeconds(sampling),
                BreakDuration = TimeSpan.FromSeconds(breakSeconds),
            },
        };

        Should.Throw<ArgumentOutOfRangeException>(() => new VaultClient(options, new CannedHandler())).ParamName.ShouldBe("options");
    }
}
