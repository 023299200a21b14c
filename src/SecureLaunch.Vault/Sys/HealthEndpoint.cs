using System.Net;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Sys;

/// <summary><c>GET /v1/sys/health</c>.</summary>
/// <remarks>
/// Status codes: 200 (initialized, unsealed, active), 429 (unsealed standby), 472 (DR secondary),
/// 473 (performance standby), 501 (not initialized), 503 (sealed). Each carries the health body and is returned,
/// never thrown. Any other status, or one of those without a health body (a proxy's page), throws
/// <see cref="VaultApiException"/>; no answer throws <see cref="VaultUnreachableException"/>.
/// </remarks>
internal sealed class HealthEndpoint
{
    private static readonly IReadOnlySet<HttpStatusCode> Documented = new HashSet<HttpStatusCode>
    {
        HttpStatusCode.TooManyRequests,
        (HttpStatusCode)472,
        (HttpStatusCode)473,
        HttpStatusCode.NotImplemented,
        HttpStatusCode.ServiceUnavailable,
    };

    private readonly VaultTransport _transport;

    public HealthEndpoint(VaultTransport transport) => _transport = transport;

    public async Task<VaultHealth> GetAsync(CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Get, "sys/health") { HandledStatuses = Documented };
        var response = await _transport.SendAsync(request, cancellationToken);
        HealthResponse body;
        try
        {
            body = ResponseReader.Read(request, response, VaultJsonContext.Default.HealthResponse);
        }
        catch (VaultApiException) when (!response.IsSuccess)
        {
            throw VaultErrors.ToException(request, response);
        }

        return new VaultHealth
        {
            StatusCode = (int)response.StatusCode,
            Initialized = body.Initialized,
            Sealed = body.Sealed,
            Standby = body.Standby,
            PerformanceStandby = body.PerformanceStandby,
            Version = body.Version,
            ClusterName = body.ClusterName,
            ClusterId = body.ClusterId,
            ReplicationPerformanceMode = body.ReplicationPerformanceMode,
            ReplicationDrMode = body.ReplicationDrMode,
            ServerTime = body.ServerTimeUtc is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
        };
    }
}
