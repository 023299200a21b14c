using System.Text.Json;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Sys;

/// <summary><c>sys/seal-status</c>, <c>sys/unseal</c> and <c>sys/seal</c>.</summary>
internal sealed class SealEndpoint
{
    private readonly VaultTransport _transport;

    public SealEndpoint(VaultTransport transport) => _transport = transport;

    /// <summary><c>GET /v1/sys/seal-status</c>, unauthenticated: sent without a token.</summary>
    /// <remarks>Status codes: 200 sealed or not, initialized or not. Anything else throws <see cref="VaultApiException"/>.</remarks>
    public async Task<VaultSealStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Get, "sys/seal-status") { Token = RequestToken.None };
        var response = await _transport.SendAsync(request, cancellationToken);
        return ToStatus(ResponseReader.Read(request, response, VaultJsonContext.Default.SealStatusResponse), initialized: null);
    }

    /// <summary><c>POST /v1/sys/unseal</c> with <c>{"key"}</c> or <c>{"reset":true}</c>, without a token.</summary>
    /// <remarks>
    /// Idempotent, so retried like a read: Vault ignores a key share it already has. Status codes: 200 with the
    /// progress (<c>sealed</c>, <c>t</c>, <c>n</c>, <c>progress</c>). 400 for a key that is not hex or base64, or
    /// when the shares do not combine into the root key (the attempt is then reset); 503 while a standby cannot
    /// take it: thrown as <see cref="VaultApiException"/>, with the key never quoted.
    /// </remarks>
    public async Task<VaultSealStatus> UnsealAsync(string? key, bool reset, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Post, "sys/unseal")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(new UnsealRequest(reset ? null : key, reset ? true : null), VaultJsonContext.Default.UnsealRequest),
            Token = RequestToken.None,
            Sensitive = key is null ? [] : [key],
        };
        var response = await _transport.SendAsync(request, cancellationToken);
        return ToStatus(ResponseReader.Read(request, response, VaultJsonContext.Default.SealStatusResponse), initialized: true);
    }

    /// <summary><c>POST /v1/sys/seal</c>, with the client's token (root, or <c>sudo</c> on the path).</summary>
    /// <remarks>
    /// Status codes: 204 (or 200) sealed. 403 without <c>sudo</c>, 500 on a standby (only the active node can be
    /// sealed): thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task SealAsync(CancellationToken cancellationToken) =>
        await _transport.SendAsync(new VaultRequest(HttpMethod.Post, "sys/seal"), cancellationToken);

    private static VaultSealStatus ToStatus(SealStatusResponse body, bool? initialized) => new()
    {
        Sealed = body.Sealed,
        Threshold = body.T,
        Shares = body.N,
        Progress = body.Progress,
        Initialized = initialized ?? body.Initialized,
        Type = body.Type,
        Nonce = body.Nonce,
        Version = body.Version,
        BuildDate = body.BuildDate,
        Migration = body.Migration,
        RecoverySeal = body.RecoverySeal,
        StorageType = body.StorageType,
        ClusterName = body.ClusterName,
        ClusterId = body.ClusterId,
    };
}
