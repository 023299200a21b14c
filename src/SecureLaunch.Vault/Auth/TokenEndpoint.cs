using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Auth;

/// <summary>The token auth method's calls on the client's own token (lookup, renew and revoke) and, by accessor, on others.</summary>
internal sealed class TokenEndpoint
{
    private readonly VaultTransport _transport;
    private readonly ILogger _logger;

    public TokenEndpoint(VaultTransport transport, ILogger logger)
    {
        _transport = transport;
        _logger = logger;
    }

    /// <summary><c>GET /v1/auth/token/lookup-self</c>, with the client's token or the one given.</summary>
    /// <remarks>
    /// Status codes: 200 with <c>data</c> (accessor, policies, ttl, renewable, display_name, expire_time...). Its
    /// <c>data.id</c> is the token itself and is never read. 403 for an invalid or expired token
    /// (<see cref="VaultErrorKind.PermissionDenied"/>), 503 sealed: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task<VaultTokenInfo> LookupSelfAsync(RequestToken token, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Get, "auth/token/lookup-self")
        {
            Token = token,
            Sensitive = token.Value is { } value ? [value] : [],
        };
        var response = await _transport.SendAsync(request, cancellationToken);
        return ToInfo(ResponseReader.ReadData(request, response, VaultJsonContext.Default.TokenLookupData));
    }

    /// <summary><c>POST /v1/auth/token/lookup-accessor</c> with <c>{"accessor":"..."}</c>: another token's properties, by accessor.</summary>
    /// <remarks>
    /// Needs <c>update</c> on <c>auth/token/lookup-accessor</c>, which Vault's <c>default</c> policy does not grant.
    /// Status codes: 200 with the same <c>data</c> as lookup-self, its <c>id</c> empty (Vault never gives the token
    /// for an accessor). 400 <c>invalid accessor</c> for an accessor Vault does not know (never issued, or its token
    /// expired or was revoked), thrown as <see cref="VaultErrorKind.BadRequest"/>; 403 when the client's token lacks
    /// the capability (<see cref="VaultErrorKind.PermissionDenied"/>), 503 sealed: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task<VaultTokenInfo> LookupAccessorAsync(string accessor, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Post, "auth/token/lookup-accessor")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(new TokenAccessorRequest(accessor), VaultJsonContext.Default.TokenAccessorRequest),
        };
        var response = await _transport.SendAsync(request, cancellationToken);
        return ToInfo(ResponseReader.ReadData(request, response, VaultJsonContext.Default.TokenLookupData));
    }

    private static VaultTokenInfo ToInfo(TokenLookupData data) =>
        new()
        {
            Accessor = data.Accessor ?? string.Empty,
            Policies = data.Policies ?? [],
            IdentityPolicies = data.IdentityPolicies ?? [],
            Ttl = TimeSpan.FromSeconds(data.Ttl),
            Renewable = data.Renewable,
            DisplayName = data.DisplayName,
            ExpireTime = DateTimeOffset.TryParse(data.ExpireTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null,
            Orphan = data.Orphan,
        };

    /// <summary><c>POST /v1/auth/token/renew-self</c> with <c>{"increment":"&lt;seconds&gt;s"}</c>, or <c>{}</c> for the default.</summary>
    /// <remarks>
    /// Idempotent (renewing twice only extends the lease again). Status codes: 200 with the <c>auth</c> block, whose
    /// <c>lease_duration</c> is what Vault granted (capped by the token's max TTL). 400 for a token that is not
    /// renewable or is past its max TTL: <see cref="VaultErrorKind.InvalidLease"/>, so the caller logs in again.
    /// 403 for a token that is invalid or expired, 503 sealed: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task<VaultTokenRenewal> RenewSelfAsync(TimeSpan? increment, CancellationToken cancellationToken)
    {
        var seconds = increment is { } i && i > TimeSpan.Zero ? $"{(long)Math.Ceiling(i.TotalSeconds)}s" : null;
        var request = new VaultRequest(HttpMethod.Post, "auth/token/renew-self")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(new TokenRenewRequest(seconds), VaultJsonContext.Default.TokenRenewRequest),
        };
        var obtainedAt = _transport.TimeProvider.GetUtcNow();
        VaultResponse response;
        try
        {
            response = await _transport.SendAsync(request, cancellationToken);
        }
        catch (VaultApiException ex) when (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            throw new VaultApiException(
                VaultErrorKind.InvalidLease, ex.StatusCode, ex.Method, ex.Path, ex.Errors, "the token cannot be renewed; log in again");
        }

        var auth = ResponseReader.Read(request, response, VaultJsonContext.Default.LoginResponse).Auth
            ?? throw VaultErrors.InvalidResponse(request, response, "'auth' is missing");
        var renewal = new VaultTokenRenewal
        {
            LeaseDuration = TimeSpan.FromSeconds(auth.LeaseDuration),
            Renewable = auth.Renewable,
            Policies = auth.Policies ?? auth.TokenPolicies ?? [],
            ObtainedAt = obtainedAt,
        };
        Log.TokenRenewed(_logger, auth.Accessor ?? "(not sent)", renewal.LeaseDuration);
        return renewal;
    }

    /// <summary><c>POST /v1/auth/token/revoke-self</c>: revokes the client's token, its children and their leases.</summary>
    /// <remarks>
    /// For tokens a login created, never for one the user handed over. Idempotent. Status codes: 204 revoked.
    /// 403 for a token already invalid (revoked or expired), 503 sealed: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task RevokeSelfAsync(CancellationToken cancellationToken)
    {
        await _transport.SendAsync(new VaultRequest(HttpMethod.Post, "auth/token/revoke-self"), cancellationToken);
        Log.TokenRevoked(_logger);
    }

    /// <summary><c>POST /v1/auth/token/revoke-accessor</c>: revokes the token with that accessor, its children and their leases.</summary>
    /// <remarks>
    /// For a token SecureLaunch created and no longer holds (a crashed launch's, from its journal). Status codes: 204
    /// revoked. 400 ("invalid accessor", "token not found"): the token is already gone (expired or revoked), returned as
    /// false. 403 (the current token may not do it), 503 sealed: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task<bool> RevokeAccessorAsync(string accessor, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Post, "auth/token/revoke-accessor")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(new TokenAccessorRequest(accessor), VaultJsonContext.Default.TokenAccessorRequest),
        };
        try
        {
            await _transport.SendAsync(request, cancellationToken);
            return true;
        }
        catch (VaultApiException ex) when (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            return false;
        }
    }
}
