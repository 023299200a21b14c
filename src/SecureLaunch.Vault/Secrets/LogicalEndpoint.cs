using System.Text.Json;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Secrets;

/// <summary>
/// Any path that is not on a KV mount: <c>database/creds/app</c>, <c>pki/issue/web</c>... Such a read may mint a
/// credential, so it is marked <see cref="RequestSafety.MayMint"/> and retried only when it was never sent.
/// </summary>
internal sealed class LogicalEndpoint
{
    private readonly VaultTransport _transport;

    public LogicalEndpoint(VaultTransport transport) => _transport = transport;

    /// <summary><c>GET</c>, or <c>POST</c>/<c>PUT</c> with a JSON body, on <c>/v1/:path</c>.</summary>
    /// <remarks>
    /// Status codes: 200 with fields in <c>data</c> and, for a dynamic secret, <c>lease_id</c>,
    /// <c>lease_duration</c> (seconds) and <c>renewable</c> (an empty <c>lease_id</c> means no lease); 204 success
    /// without fields. 400 bad request, 403 permission denied, 404 no such path or role, 405 wrong method,
    /// 502 the backend (a database) failed, 503 sealed: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task<VaultSecret> ReadAsync(string path, HttpMethod method, byte[]? body, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(method, path) { Body = body, Safety = RequestSafety.MayMint };
        // Taken before sending: Vault starts the lease somewhere in between, so expiry is never over-estimated.
        var obtainedAt = _transport.TimeProvider.GetUtcNow();
        var response = await _transport.SendAsync(request, cancellationToken);
        if (!response.HasBody)
        {
            return new VaultSecret { Path = path, Data = new Dictionary<string, JsonElement>() };
        }

        var envelope = ResponseReader.Read(request, response, VaultJsonContext.Default.SecretResponse);
        return new VaultSecret
        {
            Path = path,
            Data = ResponseReader.Fields(request, response, envelope.Data),
            Lease = string.IsNullOrEmpty(envelope.LeaseId)
                ? null
                : new VaultLease(envelope.LeaseId, TimeSpan.FromSeconds(envelope.LeaseDuration), envelope.Renewable, obtainedAt),
            Warnings = envelope.Warnings ?? [],
        };
    }
}
