using System.Text.Json;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;
using SecureLaunch.Vault.Sys;

namespace SecureLaunch.Vault.Auth;

/// <summary><c>POST /v1/auth/token/create/:role_name</c>: a token for someone else, through a token store role.</summary>
internal sealed class TokenCreateEndpoint
{
    private readonly VaultTransport _transport;

    public TokenCreateEndpoint(VaultTransport transport) => _transport = transport;

    /// <summary>Creates the token; with a wrap TTL, Vault keeps it in a wrapping token's cubbyhole and answers only <c>wrap_info</c>.</summary>
    /// <remarks>
    /// Mints a token, so it is retried only when it failed before it was sent. Status codes: 200 with <c>auth</c>
    /// (or <c>wrap_info</c>). 400 for an unknown role, policies outside the role's allowed list or in its disallowed
    /// list, or (for a role without lists) policies the caller does not hold: <see cref="VaultErrorKind.BadRequest"/>.
    /// 403 when the caller's policies do not allow <c>update</c> on the path: <see cref="VaultErrorKind.PermissionDenied"/>.
    /// 503 sealed. All thrown as <see cref="VaultApiException"/> with Vault's <c>errors</c>.
    /// </remarks>
    public async Task<VaultTokenCreation> CreateAsync(VaultTokenRequest token, CancellationToken cancellationToken)
    {
        var body = new TokenCreateRequest
        {
            Policies = token.Policies is { Count: > 0 } policies ? policies : null,
            Ttl = token.Ttl is { } ttl ? $"{(long)Math.Ceiling(ttl.TotalSeconds)}s" : null,
            DisplayName = token.DisplayName,
            Meta = token.Metadata,
        };
        var request = new VaultRequest(HttpMethod.Post, "auth/token/create/" + token.RoleName)
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(body, VaultJsonContext.Default.TokenCreateRequest),
            Safety = RequestSafety.MayMint,
            WrapTtl = token.WrapTtl,
        };
        var obtainedAt = _transport.TimeProvider.GetUtcNow();
        var response = await _transport.SendAsync(request, cancellationToken);
        var answer = ResponseReader.Read(request, response, VaultJsonContext.Default.TokenCreateResponse);
        if (token.WrapTtl is not null)
        {
            return new VaultTokenCreation { Wrapped = WrapInfo(request, response, answer) };
        }

        var auth = answer.Auth ?? throw VaultErrors.InvalidResponse(request, response, "'auth' is missing");
        if (string.IsNullOrEmpty(auth.ClientToken) || string.IsNullOrEmpty(auth.Accessor))
        {
            throw VaultErrors.InvalidResponse(request, response, "'auth.client_token' or 'auth.accessor' is missing");
        }

        return new VaultTokenCreation
        {
            Token = new VaultIssuedToken
            {
                ClientToken = auth.ClientToken,
                Accessor = auth.Accessor,
                Policies = auth.TokenPolicies ?? auth.Policies ?? [],
                LeaseDuration = TimeSpan.FromSeconds(auth.LeaseDuration),
                Renewable = auth.Renewable,
                Orphan = auth.Orphan,
                ObtainedAt = obtainedAt,
                Warnings = VaultErrors.Redact(answer.Warnings ?? [], [auth.ClientToken]),
            },
        };
    }

    private static VaultWrapInfo WrapInfo(VaultRequest request, VaultResponse response, TokenCreateResponse answer)
    {
        var info = answer.WrapInfo ?? throw VaultErrors.InvalidResponse(request, response, "'wrap_info' is missing although wrapping was asked for");
        if (string.IsNullOrEmpty(info.Token) || answer.Auth is not null)
        {
            throw VaultErrors.InvalidResponse(request, response, "'wrap_info.token' is missing or the token came unwrapped");
        }

        return new VaultWrapInfo
        {
            Token = info.Token,
            Accessor = info.Accessor ?? string.Empty,
            Ttl = TimeSpan.FromSeconds(info.Ttl),
            CreationTime = info.CreationTime,
            CreationPath = info.CreationPath ?? string.Empty,
            WrappedAccessor = string.IsNullOrEmpty(info.WrappedAccessor) ? null : info.WrappedAccessor,
        };
    }
}
