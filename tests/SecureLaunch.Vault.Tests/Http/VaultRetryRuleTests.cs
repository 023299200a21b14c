using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Timeout;
using SecureLaunch.Vault.Http;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Http;

public sealed class VaultRetryRuleTests
{
    private static readonly VaultRequest KvRead = new(HttpMethod.Get, "secret/data/app");
    private static readonly VaultRequest DbCreds = new(HttpMethod.Get, "database/creds/app") { Safety = RequestSafety.MayMint };

    private static Outcome<VaultResponse> Status(int status, string body = "") =>
        Outcome.FromResult(new VaultResponse((HttpStatusCode)status, System.Text.Encoding.UTF8.GetBytes(body)));

    private static Outcome<VaultResponse> Failure(Exception exception) => Outcome.FromException<VaultResponse>(exception);

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public void Server_errors_are_retried_for_a_kv_read(int status) =>
        VaultRetryRule.ShouldRetry(Status(status), KvRead).ShouldBeTrue();

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void Server_errors_are_not_retried_for_a_request_that_may_have_minted_a_credential(int status) =>
        VaultRetryRule.ShouldRetry(Status(status), DbCreds).ShouldBeFalse();

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(307)]
    public void Client_errors_and_redirects_are_never_retried(int status) =>
        VaultRetryRule.ShouldRetry(Status(status), KvRead).ShouldBeFalse();

    [Fact]
    public void A_sealed_503_is_a_state_and_is_never_retried() =>
        VaultRetryRule.ShouldRetry(Status(503, """{"errors":["Vault is sealed"]}"""), KvRead).ShouldBeFalse();

    [Fact]
    public void A_standby_503_is_never_retried() =>
        VaultRetryRule.ShouldRetry(Status(503, """{"errors":["Vault is in standby mode"]}"""), KvRead).ShouldBeFalse();

    [Fact]
    public void A_503_from_a_proxy_without_a_vault_body_is_retried_for_a_kv_read() =>
        VaultRetryRule.ShouldRetry(Status(503, "<html>no backend</html>"), KvRead).ShouldBeTrue();

    [Theory]
    [InlineData(412)]
    [InlineData(429)]
    public void Requests_refused_before_being_handled_are_retried_even_when_they_may_mint(int status)
    {
        VaultRetryRule.ShouldRetry(Status(status), KvRead).ShouldBeTrue();
        VaultRetryRule.ShouldRetry(Status(status), DbCreds).ShouldBeTrue();
    }

    [Fact]
    public void A_status_the_caller_handles_itself_is_not_retried()
    {
        var health = new VaultRequest(HttpMethod.Get, "sys/health")
        {
            HandledStatuses = new HashSet<HttpStatusCode> { HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests },
        };

        VaultRetryRule.ShouldRetry(Status(503, """{"sealed":true}"""), health).ShouldBeFalse();
        VaultRetryRule.ShouldRetry(Status(429, """{"standby":true}"""), health).ShouldBeFalse();
    }

    [Fact]
    public void Connection_refused_is_retried_even_for_a_request_that_may_mint()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused));

        VaultRetryRule.ShouldRetry(Failure(refused), DbCreds).ShouldBeTrue();
        VaultRetryRule.ShouldRetry(Failure(refused), KvRead).ShouldBeTrue();
    }

    [Fact]
    public void A_connection_lost_mid_request_is_retried_only_when_nothing_can_have_been_minted()
    {
        var reset = new HttpRequestException(HttpRequestError.ResponseEnded, "reset", new IOException("reset"));

        VaultRetryRule.ShouldRetry(Failure(reset), KvRead).ShouldBeTrue();
        VaultRetryRule.ShouldRetry(Failure(reset), DbCreds).ShouldBeFalse();
    }

    [Fact]
    public void An_attempt_timeout_is_retried_only_when_nothing_can_have_been_minted()
    {
        var timeout = new TimeoutRejectedException();

        VaultRetryRule.ShouldRetry(Failure(timeout), KvRead).ShouldBeTrue();
        VaultRetryRule.ShouldRetry(Failure(timeout), DbCreds).ShouldBeFalse();
    }

    [Fact]
    public void A_tls_handshake_failure_is_configuration_and_is_not_retried() =>
        VaultRetryRule.ShouldRetry(Failure(new HttpRequestException(HttpRequestError.SecureConnectionError, "bad cert")), KvRead)
            .ShouldBeFalse();

    [Fact]
    public void Retry_after_is_honoured_on_429_and_capped_at_the_max_delay()
    {
        var outcome = Outcome.FromResult(new VaultResponse(HttpStatusCode.TooManyRequests, []) { RetryAfter = TimeSpan.FromSeconds(3) });
        var tooLong = Outcome.FromResult(new VaultResponse(HttpStatusCode.TooManyRequests, []) { RetryAfter = TimeSpan.FromMinutes(5) });

        VaultRetryRule.ServerRequestedDelay(outcome, TimeSpan.FromSeconds(10)).ShouldBe(TimeSpan.FromSeconds(3));
        VaultRetryRule.ServerRequestedDelay(tooLong, TimeSpan.FromSeconds(10)).ShouldBe(TimeSpan.FromSeconds(10));
        VaultRetryRule.ServerRequestedDelay(Status(502), TimeSpan.FromSeconds(10)).ShouldBeNull();
    }

    [Theory]
    [InlineData(500, "", true)]
    [InlineData(504, "", true)]
    [InlineData(503, "<html>no backend</html>", true)]
    [InlineData(503, """{"errors":["Vault is sealed"]}""", false)]
    [InlineData(503, """{"errors":["Vault is in standby mode"]}""", false)]
    [InlineData(502, """{"errors":["error creating user"]}""", false)]
    [InlineData(400, "", false)]
    [InlineData(403, "", false)]
    [InlineData(429, "", false)]
    [InlineData(200, "{}", false)]
    public void Only_vault_itself_failing_counts_against_the_circuit(int status, string body, bool counts)
    {
        VaultRetryRule.CountsAgainstCircuit(Status(status, body), KvRead).ShouldBe(counts);
        VaultRetryRule.CountsAgainstCircuit(Status(status, body), DbCreds).ShouldBe(counts);
    }

    [Fact]
    public void No_connection_a_lost_one_and_a_timeout_count_against_the_circuit_but_not_tls_or_cancellation()
    {
        VaultRetryRule.CountsAgainstCircuit(Failure(new HttpRequestException(HttpRequestError.ConnectionError, "refused")), DbCreds).ShouldBeTrue();
        VaultRetryRule.CountsAgainstCircuit(Failure(new HttpRequestException(HttpRequestError.ResponseEnded, "reset")), DbCreds).ShouldBeTrue();
        VaultRetryRule.CountsAgainstCircuit(Failure(new TimeoutRejectedException()), DbCreds).ShouldBeTrue();
        VaultRetryRule.CountsAgainstCircuit(Failure(new HttpRequestException(HttpRequestError.SecureConnectionError, "bad cert")), KvRead).ShouldBeFalse();
        VaultRetryRule.CountsAgainstCircuit(Failure(new OperationCanceledException()), KvRead).ShouldBeFalse();
    }

    [Fact]
    public void A_health_503_the_caller_reads_as_sealed_does_not_count_against_the_circuit()
    {
        var health = new VaultRequest(HttpMethod.Get, "sys/health") { HandledStatuses = new HashSet<HttpStatusCode> { HttpStatusCode.ServiceUnavailable } };

        VaultRetryRule.CountsAgainstCircuit(Status(503, """{"sealed":true}"""), health).ShouldBeFalse();
    }
}
