using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace SecureLaunch.Vault.Http;

/// <summary>
/// Sends one <see cref="VaultRequest"/> through the resilience pipeline with Vault's headers, and turns what
/// comes back into a <see cref="VaultResponse"/>, a <see cref="VaultApiException"/> or a <see cref="VaultUnreachableException"/>.
/// </summary>
internal sealed class VaultTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _address;
    private readonly Uri _apiRoot;
    private volatile string? _token;
    private readonly string? _namespace;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline<VaultResponse> _pipeline;
    private readonly ILogger _logger;

    public VaultTransport(VaultClientOptions options, HttpClient http, ILogger logger)
    {
        _http = http;
        _address = options.Address;
        _apiRoot = new Uri(options.Address.AbsoluteUri.TrimEnd('/') + "/v1/");
        _token = string.IsNullOrEmpty(options.Token) ? null : options.Token;
        _namespace = string.IsNullOrWhiteSpace(options.Namespace) ? null : options.Namespace.Trim();
        _timeProvider = options.TimeProvider;
        _logger = logger;
        _pipeline = VaultResiliencePipeline.Create(options, logger);
    }

    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Swaps the client token (after a login); null sends none. Checked by the caller.</summary>
    public void SetToken(string? token) => _token = string.IsNullOrEmpty(token) ? null : token;

    /// <summary>
    /// Returns the response for a 2xx or a status in <see cref="VaultRequest.HandledStatuses"/>; throws
    /// <see cref="VaultApiException"/> for any other status once retries are spent.
    /// </summary>
    public async Task<VaultResponse> SendAsync(VaultRequest request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(VaultResiliencePipeline.RequestKey, request);
        VaultResponse response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<VaultResponse>(state.Transport.SendOnceAsync(state.Request, ctx.CancellationToken)),
                context,
                (Transport: this, Request: request));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Unreachable(request, ex) is { } unreachable)
        {
            throw unreachable;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccess || request.HandledStatuses.Contains(response.StatusCode))
        {
            return response;
        }

        Log.RequestFailed(_logger, request.Method.Method, request.Display, (int)response.StatusCode);
        throw VaultErrors.ToException(WithTokenRedacted(request), response);
    }

    /// <summary>One attempt: the request, and the active node's answer when a standby redirected it (one hop).</summary>
    private async Task<VaultResponse> SendOnceAsync(VaultRequest request, CancellationToken cancellationToken)
    {
        var uri = BuildUri(request);
        var response = await SendToAsync(request, uri, cancellationToken);
        if (StandbyRedirect.Target(uri, response.StatusCode, response.Location) is not { } active)
        {
            return response;
        }

        // A standby redirects instead of handling the request, so re-sending it cannot mint anything twice.
        Log.FollowingStandbyRedirect(_logger, request.Method.Method, request.Display, $"{active.Scheme}://{active.Authority}");
        return await SendToAsync(request, active, cancellationToken);
    }

    private async Task<VaultResponse> SendToAsync(VaultRequest request, Uri uri, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, uri);

        // Validated when set; added without validation, so no header parser can quote the token.
        if (TokenFor(request) is { } token)
        {
            message.Headers.TryAddWithoutValidation("X-Vault-Token", token);
        }

        message.Headers.TryAddWithoutValidation("X-Vault-Request", "true");
        if (request.WrapTtl is { } wrapTtl)
        {
            message.Headers.TryAddWithoutValidation("X-Vault-Wrap-TTL", ((long)Math.Ceiling(wrapTtl.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (_namespace is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Vault-Namespace", _namespace);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = Json;
        }

        // The default completion option buffers the body, so the attempt's token and timeout cover it too.
        using var response = await _http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new VaultResponse(response.StatusCode, body)
        {
            Location = response.Headers.Location is { } location && !location.IsAbsoluteUri ? new Uri(uri, location) : response.Headers.Location,
            RetryAfter = RetryAfter(response.Headers.RetryAfter),
        };
    }

    private string? TokenFor(VaultRequest request) => request.Token.Kind switch
    {
        RequestTokenKind.None => null,
        RequestTokenKind.Explicit => request.Token.Value,
        _ => _token,
    };

    /// <summary>The request with the token it carried added to what must never be quoted.</summary>
    public VaultRequest WithTokenRedacted(VaultRequest request) =>
        TokenFor(request) is { } token ? request with { Sensitive = [.. request.Sensitive, token] } : request;

    private Uri BuildUri(VaultRequest request)
    {
        var relative = VaultPath.Escape(request.Path);
        return new Uri(_apiRoot, request.Query is null ? relative : $"{relative}?{request.Query}");
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private VaultUnreachableException? Unreachable(VaultRequest request, Exception exception)
    {
        var method = request.Method.Method;
        return exception switch
        {
            TimeoutRejectedException => new(_address, method, request.Display, VaultUnreachableReason.TimedOut, true, exception),
            BrokenCircuitException => new(_address, method, request.Display, VaultUnreachableReason.CircuitOpen, false, exception),
            HttpRequestException when VaultRetryRule.IsFailureBeforeSending(exception) =>
                new(_address, method, request.Display, VaultUnreachableReason.ConnectionFailed, false, exception),
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } =>
                new(_address, method, request.Display, VaultUnreachableReason.ConnectionFailed, false, exception),
            HttpRequestException or IOException =>
                new(_address, method, request.Display, VaultUnreachableReason.ConnectionLost, true, exception),
            _ => null,
        };
    }

    public void Dispose() => _http.Dispose();
}
