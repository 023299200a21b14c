using System.Globalization;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Auth;

/// <summary>The token auth method's calls on the client's own token.</summary>
internal sealed class TokenEndpoint
{
    private readonly VaultTransport _transport;

    public TokenEndpoint(VaultTransport transport) => _transport = transport;

    /// <summary><c>GET /v1/auth/token/lookup-self</c>.</summary>
    /// <remarks>
    /// Status codes: 200 with <c>data</c> (accessor, policies, ttl, renewable, display_name, expire_time...). Its
    /// <c>data.id</c> is the token itself and is never read. 403 for an invalid or expired token
    /// (<see cref="VaultErrorKind.PermissionDenied"/>), 503 sealed: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task<VaultTokenInfo> LookupSelfAsync(CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Get, "auth/token/lookup-self");
        var response = await _transport.SendAsync(request, cancellationToken);
        var data = ResponseReader.ReadData(request, response, VaultJsonContext.Default.TokenLookupData);
        return new VaultTokenInfo
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
    }
}
