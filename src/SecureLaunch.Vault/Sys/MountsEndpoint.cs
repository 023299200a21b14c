using System.Net;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Sys;

/// <summary><c>GET /v1/sys/internal/ui/mounts/:path</c>: which mount holds a path, its type and options.</summary>
/// <remarks>
/// Status codes: 200 with <c>data.path</c>, <c>data.type</c>, <c>data.options</c>. 403 (no mount there, or the
/// token may not see it: Vault answers the same to both) and 404 (a Vault without this endpoint) return null, and
/// the caller reads the path as a plain logical path, as the Vault CLI's KV preflight falls back to KV v1.
/// Other statuses throw <see cref="VaultApiException"/>.
/// </remarks>
internal sealed class MountsEndpoint
{
    private static readonly IReadOnlySet<HttpStatusCode> Fallback = new HashSet<HttpStatusCode>
    {
        HttpStatusCode.Forbidden,
        HttpStatusCode.NotFound,
    };

    private readonly VaultTransport _transport;

    public MountsEndpoint(VaultTransport transport) => _transport = transport;

    /// <summary>The mount holding <paramref name="path"/>, or null with the status when Vault would not say.</summary>
    public async Task<(MountInfo? Mount, HttpStatusCode Status)> GetAsync(string path, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Get, $"sys/internal/ui/mounts/{path}") { HandledStatuses = Fallback };
        var response = await _transport.SendAsync(request, cancellationToken);
        return response.IsSuccess
            ? (ResponseReader.ReadData(request, response, VaultJsonContext.Default.MountInfo), response.StatusCode)
            : (null, response.StatusCode);
    }
}
