using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;
using SecureLaunch.Vault.Sys;

namespace SecureLaunch.Vault.Auth;

/// <summary>Sends a login and reads the <c>auth</c> block; what each <see cref="VaultAuthMethod"/> builds on.</summary>
internal sealed class LoginEndpoint
{
    private readonly VaultTransport _transport;
    private readonly TokenEndpoint _token;
    private readonly WrappingEndpoint _wrapping;
    private readonly ILogger _logger;

    public LoginEndpoint(VaultTransport transport, TokenEndpoint token, WrappingEndpoint wrapping, ILogger logger)
    {
        _transport = transport;
        _token = token;
        _wrapping = wrapping;
        _logger = logger;
    }

    /// <summary><c>POST /v1/auth/:mount/login[/:username]</c>, without a token.</summary>
    /// <remarks>
    /// A login mints a token (and may use up a secret-id with <c>secret_id_num_uses</c>), so it is never sent
    /// twice: only a failure before sending, 412 and 429 are retried. Status codes: 200 with <c>auth</c>
    /// (<c>client_token</c>, <c>accessor</c>, <c>policies</c>, <c>lease_duration</c>, <c>renewable</c>...).
    /// 400 and 403 (wrong role or credentials, expired secret-id, malformed or expired JWT):
    /// <see cref="VaultErrorKind.LoginRejected"/>. 404 no such mount or route, 503 sealed: thrown as their kinds.
    /// <paramref name="sensitive"/> never reaches a message or log, even should Vault quote it.
    /// </remarks>
    public async Task<VaultLogin> LoginAsync(
        VaultAuthMethod method, string path, byte[] body, IReadOnlyList<string> sensitive, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Post, path)
        {
            Body = body,
            Safety = RequestSafety.MayMint,
            Token = RequestToken.None,
            Sensitive = sensitive,
        };
        var obtainedAt = _transport.TimeProvider.GetUtcNow();
        VaultResponse response;
        try
        {
            response = await _transport.SendAsync(request, cancellationToken);
        }
        catch (VaultApiException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
        {
            Log.LoginRejected(_logger, method.Type, method.MountPath, (int)ex.StatusCode);
            throw new VaultApiException(
                VaultErrorKind.LoginRejected, ex.StatusCode, ex.Method, ex.Path, ex.Errors, $"the {method.Type} login was refused");
        }
        catch (VaultApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new VaultApiException(
                VaultErrorKind.NotFound, ex.StatusCode, ex.Method, ex.Path, ex.Errors, $"is a {method.Type} auth method mounted at auth/{method.MountPath}?");
        }

        var envelope = ResponseReader.Read(request, response, VaultJsonContext.Default.LoginResponse);
        if (envelope.Auth is not { ClientToken: { Length: > 0 } token } auth)
        {
            throw VaultErrors.InvalidResponse(request, response, "'auth.client_token' is missing");
        }

        if (envelope.Warnings is { Count: > 0 } warnings)
        {
            var redacted = VaultErrors.Redact(warnings, [.. sensitive, token]);
            Log.ResponseWarnings(_logger, request.Method.Method, request.Path, redacted.Count, string.Join("; ", redacted));
        }

        var login = new VaultLogin
        {
            ClientToken = token,
            Accessor = auth.Accessor ?? string.Empty,
            Policies = auth.Policies ?? auth.TokenPolicies ?? [],
            TokenPolicies = auth.TokenPolicies ?? [],
            IdentityPolicies = auth.IdentityPolicies ?? [],
            LeaseDuration = TimeSpan.FromSeconds(auth.LeaseDuration),
            Renewable = auth.Renewable,
            ObtainedAt = obtainedAt,
            Method = method.Type,
            Mount = method.MountPath,
            CreatedByLogin = true,
            Metadata = auth.Metadata ?? new Dictionary<string, string?>(),
            Orphan = auth.Orphan,
            EntityId = auth.EntityId,
            TokenType = auth.TokenType,
        };
        Log.LoggedIn(_logger, login.Method, login.Mount, login.Accessor, login.LeaseDuration, string.Join(",", login.Policies));
        return login;
    }

    /// <summary>For <see cref="TokenAuth"/>: <c>lookup-self</c> with the given token, described as a login.</summary>
    public async Task<VaultLogin> UseExistingTokenAsync(VaultAuthMethod method, string token, CancellationToken cancellationToken)
    {
        HeaderValue.ThrowIfUnsafe(token, "Vault token", nameof(token));
        var obtainedAt = _transport.TimeProvider.GetUtcNow();
        var info = await _token.LookupSelfAsync(RequestToken.Explicit(token), cancellationToken);
        Log.UsingToken(_logger, info.Accessor, info.Ttl, string.Join(",", info.Policies));
        return new VaultLogin
        {
            ClientToken = token,
            Accessor = info.Accessor,
            Policies = info.Policies,
            TokenPolicies = info.Policies,
            IdentityPolicies = info.IdentityPolicies,
            LeaseDuration = info.Ttl,
            Renewable = info.Renewable,
            ObtainedAt = obtainedAt,
            Method = method.Type,
            Mount = method.MountPath,
            CreatedByLogin = false,
            Orphan = info.Orphan,
        };
    }

    /// <summary>Unwraps a response-wrapped AppRole secret-id; the wrapping token is used up by this.</summary>
    public async Task<string> UnwrapSecretIdAsync(string wrappingToken, CancellationToken cancellationToken)
    {
        var unwrapped = await _wrapping.UnwrapAsync(
            wrappingToken,
            "the wrapped secret-id was already unwrapped, possibly by someone else, or its wrapping TTL ran out; ask for a new one",
            cancellationToken);
        if (unwrapped.Data.GetValueOrDefault("secret_id") is { ValueKind: JsonValueKind.String } secretId
            && secretId.GetString() is { Length: > 0 } value)
        {
            Log.SecretIdUnwrapped(_logger);
            return value;
        }

        throw new VaultApiException(
            VaultErrorKind.InvalidResponse, HttpStatusCode.OK, "POST", unwrapped.Path, [], "the wrapped answer holds no 'secret_id'; the token wraps something else");
    }
}
