using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Timeout;

namespace SecureLaunch.Vault.Http;

/// <summary>
/// Which failed attempts are worth another try. A pure function of the outcome and the request, so the whole
/// rule is unit-tested without a network.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Failed before anything was sent (connection refused, name not resolved): retried for every request.</item>
/// <item>412 and 429: retried for every request. Both mean the request was refused before it was handled
/// (Enterprise eventual consistency, a rate-limit quota or a proxy in front of Vault), so nothing was minted.</item>
/// <item>Attempt timeout, connection lost mid-request, 500, 502, 504, and 503 that is neither sealed nor standby:
/// retried only for <see cref="RequestSafety.Idempotent"/> requests; a dynamic secret's request may have minted
/// a credential, and a second one would mint another whose lease we never learn.</item>
/// <item>Never: any other 4xx, 3xx (a standby's redirect), 503 sealed or standby (states, not glitches),
/// statuses the caller handles itself (health's 429/503), TLS handshake failures, the caller's cancellation.</item>
/// </list>
/// </remarks>
internal static class VaultRetryRule
{
    public static bool ShouldRetry(Outcome<VaultResponse> outcome, VaultRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (outcome.Exception is { } exception)
        {
            return IsFailureBeforeSending(exception)
                || (request.Safety == RequestSafety.Idempotent && IsTransientInFlight(exception));
        }

        var response = outcome.Result!;
        if (response.IsSuccess || request.HandledStatuses.Contains(response.StatusCode))
        {
            return false;
        }

        return (int)response.StatusCode switch
        {
            412 or 429 => true,
            500 or 502 or 504 => request.Safety == RequestSafety.Idempotent,
            503 => request.Safety == RequestSafety.Idempotent && IsPlainUnavailable(response),
            _ => false,
        };
    }

    /// <summary>
    /// Whether an attempt's outcome says Vault itself is down or failing, for the circuit breaker: no connection,
    /// a lost connection, a timeout, 500, 503 neither sealed nor standby, 504. Never an answer Vault gave on
    /// purpose: 4xx, sealed, standby, 502 (a database behind Vault), or a status the caller handles (health's 503).
    /// </summary>
    public static bool CountsAgainstCircuit(Outcome<VaultResponse> outcome, VaultRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (outcome.Exception is { } exception)
        {
            // A TLS handshake failure is a configuration problem, not a dead Vault; the caller's cancellation is neither.
            return IsFailureBeforeSending(exception) || IsTransientInFlight(exception);
        }

        var response = outcome.Result!;
        if (response.IsSuccess || request.HandledStatuses.Contains(response.StatusCode))
        {
            return false;
        }

        return (int)response.StatusCode switch
        {
            500 or 504 => true,
            503 => IsPlainUnavailable(response),
            _ => false,
        };
    }

    /// <summary>True when the exception proves the request never left this process.</summary>
    public static bool IsFailureBeforeSending(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => true,
        _ => false,
    };

    /// <summary>Failures after the request may have been sent, where a second attempt may well succeed.</summary>
    public static bool IsTransientInFlight(Exception exception) => exception switch
    {
        TimeoutRejectedException => true,
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => false,
        HttpRequestException => true,
        IOException => true,
        _ => false,
    };

    /// <summary>A <c>Retry-After</c> the server asked for on 429/503, capped; null leaves the backoff to Polly.</summary>
    public static TimeSpan? ServerRequestedDelay(Outcome<VaultResponse> outcome, TimeSpan maxDelay) =>
        outcome.Result is { RetryAfter: { } delay, StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable }
            ? (delay > maxDelay ? maxDelay : delay)
            : null;

    private static bool IsPlainUnavailable(VaultResponse response)
    {
        var kind = VaultErrors.Classify(response.StatusCode, VaultErrors.Parse(response.Body));
        return kind == VaultErrorKind.Unavailable;
    }
}
