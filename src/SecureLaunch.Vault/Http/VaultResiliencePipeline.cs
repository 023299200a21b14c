using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace SecureLaunch.Vault.Http;

/// <summary>
/// The client's one resilience layer, around single HTTP attempts: retry (outer), circuit breaker, per-attempt
/// timeout (inner), all on the options' TimeProvider so tests drive them with a fake clock. HttpClient has none.
/// </summary>
/// <remarks>
/// The breaker sits inside the retry so that each attempt counts, and an open circuit is not retried: the call
/// fails at once with <see cref="BrokenCircuitException"/>, which the transport reports as unreachable.
/// </remarks>
internal static class VaultResiliencePipeline
{
    public static readonly ResiliencePropertyKey<VaultRequest> RequestKey = new("SecureLaunch.Vault.Request");

    public static ResiliencePipeline<VaultResponse> Create(VaultClientOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<VaultResponse>
        {
            Name = "SecureLaunch.Vault",
            TimeProvider = options.TimeProvider,
        };

        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(CreateRetry(options, logger));
        }

        if (options.CircuitBreaker is { } breaker)
        {
            builder.AddCircuitBreaker(CreateBreaker(breaker, options.Address, logger));
        }

        return builder.AddTimeout(options.RequestTimeout).Build();
    }

    private static RetryStrategyOptions<VaultResponse> CreateRetry(VaultClientOptions options, ILogger logger)
    {
        var retry = new RetryStrategyOptions<VaultResponse>
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.RetryMaxDelay,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is not (OperationCanceledException or BrokenCircuitException)
                && VaultRetryRule.ShouldRetry(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!))),
            DelayGenerator = args => ValueTask.FromResult(VaultRetryRule.ServerRequestedDelay(args.Outcome, options.RetryMaxDelay)),
            OnRetry = args =>
            {
                var request = args.Context.Properties.GetValue(RequestKey, null!);
                Log.RetryingRequest(logger, request.Method.Method, request.Display, args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome));
                return ValueTask.CompletedTask;
            },
        };

        if (options.Randomizer is { } randomizer)
        {
            retry.Randomizer = randomizer;
        }

        return retry;
    }

    private static CircuitBreakerStrategyOptions<VaultResponse> CreateBreaker(VaultCircuitBreakerOptions options, Uri address, ILogger logger) => new()
    {
        FailureRatio = options.FailureRatio,
        MinimumThroughput = options.MinimumThroughput,
        SamplingDuration = options.SamplingDuration,
        BreakDuration = options.BreakDuration,
        ShouldHandle = args => ValueTask.FromResult(
            VaultRetryRule.CountsAgainstCircuit(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!))),
        OnOpened = args =>
        {
            Log.CircuitOpened(logger, address.Authority, args.BreakDuration, Describe(args.Outcome));
            return ValueTask.CompletedTask;
        },
        OnHalfOpened = _ =>
        {
            Log.CircuitHalfOpened(logger, address.Authority);
            return ValueTask.CompletedTask;
        },
        OnClosed = _ =>
        {
            Log.CircuitClosed(logger, address.Authority);
            return ValueTask.CompletedTask;
        },
    };

    /// <summary>What failed, for the log: a status or an exception's kind, never a message that might quote a body.</summary>
    private static string Describe(Outcome<VaultResponse> outcome) => outcome.Exception switch
    {
        null => $"HTTP {(int)outcome.Result!.StatusCode}",
        HttpRequestException http => $"{nameof(HttpRequestException)} ({http.HttpRequestError})",
        var other => other.GetType().Name,
    };
}
