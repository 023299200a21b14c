using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;
using SecureLaunch.Vault.Secrets;

namespace SecureLaunch.Vault.Sys;

/// <summary><c>sys/wrapping/unwrap</c> and <c>sys/wrapping/lookup</c>.</summary>
internal sealed class WrappingEndpoint
{
    private const string InvalidDetail = "the wrapping token was already unwrapped or has expired";

    private readonly VaultTransport _transport;
    private readonly ILogger _logger;

    public WrappingEndpoint(VaultTransport transport, ILogger logger)
    {
        _transport = transport;
        _logger = logger;
    }

    /// <summary><c>POST /v1/sys/wrapping/unwrap</c> with the wrapping token as <c>X-Vault-Token</c> and no body.</summary>
    /// <remarks>
    /// The token goes in the header only: in both places Vault would revoke it without returning the data. A
    /// wrapping token is single-use, so the call is never sent twice (only a failure before sending is retried).
    /// Status codes: 200 with the wrapped answer (<c>data</c>, and a lease when it had one); 204 when it was empty.
    /// 400 (and 403) for a token that was already unwrapped, has expired or never existed: thrown as
    /// <see cref="VaultErrorKind.WrappingTokenInvalid"/>, with <paramref name="invalidDetail"/> saying what was wrapped.
    /// </remarks>
    public async Task<VaultSecret> UnwrapAsync(string wrappingToken, string? invalidDetail, CancellationToken cancellationToken)
    {
        HeaderValue.ThrowIfUnsafe(wrappingToken, "wrapping token", nameof(wrappingToken));
        var request = new VaultRequest(HttpMethod.Post, "sys/wrapping/unwrap")
        {
            Token = RequestToken.Explicit(wrappingToken),
            Safety = RequestSafety.MayMint,
            Sensitive = [wrappingToken],
        };
        var obtainedAt = _transport.TimeProvider.GetUtcNow();
        var response = await SendAsync(request, invalidDetail, cancellationToken);
        if (!response.HasBody)
        {
            return new VaultSecret { Path = request.Path, Data = new Dictionary<string, JsonElement>() };
        }

        var envelope = ResponseReader.Read(request, response, VaultJsonContext.Default.SecretResponse);
        Log.Unwrapped(_logger);
        return new VaultSecret
        {
            Path = request.Path,
            Data = ResponseReader.Fields(request, response, envelope.Data),
            Lease = string.IsNullOrEmpty(envelope.LeaseId)
                ? null
                : new VaultLease(envelope.LeaseId, TimeSpan.FromSeconds(envelope.LeaseDuration), envelope.Renewable, obtainedAt),
            Warnings = VaultErrors.Redact(envelope.Warnings ?? [], request.Sensitive),
        };
    }

    /// <summary>
    /// <c>POST /v1/sys/wrapping/unwrap</c> for a wrapped token creation: the <c>auth</c> block as a
    /// <see cref="VaultIssuedToken"/>. Sent as <see cref="UnwrapAsync"/> is (once, the token in the header only).
    /// </summary>
    /// <remarks>
    /// Status codes: 200 with <c>auth</c>; an answer without it (the wrapping token held something else) is
    /// <see cref="VaultErrorKind.InvalidResponse"/>. 400/403: <see cref="VaultErrorKind.WrappingTokenInvalid"/>.
    /// </remarks>
    public async Task<VaultIssuedToken> UnwrapTokenAsync(string wrappingToken, CancellationToken cancellationToken)
    {
        HeaderValue.ThrowIfUnsafe(wrappingToken, "wrapping token", nameof(wrappingToken));
        var request = new VaultRequest(HttpMethod.Post, "sys/wrapping/unwrap")
        {
            Token = RequestToken.Explicit(wrappingToken),
            Safety = RequestSafety.MayMint,
            Sensitive = [wrappingToken],
        };
        var obtainedAt = _transport.TimeProvider.GetUtcNow();
        var response = await SendAsync(request, invalidDetail: null, cancellationToken);
        var auth = (response.HasBody ? ResponseReader.Read(request, response, VaultJsonContext.Default.TokenCreateResponse).Auth : null)
            ?? throw VaultErrors.InvalidResponse(request, response, "the wrapped answer has no 'auth' block: it did not hold a token");
        if (string.IsNullOrEmpty(auth.ClientToken) || string.IsNullOrEmpty(auth.Accessor))
        {
            throw VaultErrors.InvalidResponse(request, response, "'auth.client_token' or 'auth.accessor' is missing");
        }

        Log.Unwrapped(_logger);
        return new VaultIssuedToken
        {
            ClientToken = auth.ClientToken,
            Accessor = auth.Accessor,
            Policies = auth.TokenPolicies ?? auth.Policies ?? [],
            LeaseDuration = TimeSpan.FromSeconds(auth.LeaseDuration),
            Renewable = auth.Renewable,
            Orphan = auth.Orphan,
            ObtainedAt = obtainedAt,
        };
    }

    /// <summary><c>POST /v1/sys/wrapping/lookup</c> with <c>{"token"}</c>: does not use up the wrapping token.</summary>
    /// <remarks>
    /// Idempotent. Status codes: 200 with <c>data</c> (<c>creation_path</c>, <c>creation_time</c>,
    /// <c>creation_ttl</c>). 400 for a token already unwrapped, expired or unknown:
    /// <see cref="VaultErrorKind.WrappingTokenInvalid"/>. 403 when the client's token may not call it.
    /// </remarks>
    public async Task<VaultWrappingInfo> LookupAsync(string wrappingToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wrappingToken);
        var request = new VaultRequest(HttpMethod.Post, "sys/wrapping/lookup")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(new WrappingLookupRequest(wrappingToken), VaultJsonContext.Default.WrappingLookupRequest),
            Sensitive = [wrappingToken],
        };
        VaultResponse response;
        try
        {
            response = await _transport.SendAsync(request, cancellationToken);
        }
        catch (VaultApiException ex) when (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            throw new VaultApiException(VaultErrorKind.WrappingTokenInvalid, ex.StatusCode, ex.Method, ex.Path, ex.Errors, InvalidDetail);
        }

        var data = ResponseReader.ReadData(request, response, VaultJsonContext.Default.WrappingLookupData);
        return new VaultWrappingInfo
        {
            CreationPath = data.CreationPath ?? string.Empty,
            CreationTime = data.CreationTime,
            CreationTtl = TimeSpan.FromSeconds(data.CreationTtl),
        };
    }

    private async Task<VaultResponse> SendAsync(VaultRequest request, string? invalidDetail, CancellationToken cancellationToken)
    {
        try
        {
            return await _transport.SendAsync(request, cancellationToken);
        }
        catch (VaultApiException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
        {
            Log.WrappingTokenRejected(_logger, (int)ex.StatusCode);
            throw new VaultApiException(VaultErrorKind.WrappingTokenInvalid, ex.StatusCode, ex.Method, ex.Path, ex.Errors, invalidDetail ?? InvalidDetail);
        }
    }
}
