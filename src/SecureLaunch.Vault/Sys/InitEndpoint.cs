using System.Text.Json;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Sys;

/// <summary><c>sys/init</c>: whether Vault is initialized, and initializing it (both without a token).</summary>
internal sealed class InitEndpoint
{
    private readonly VaultTransport _transport;

    public InitEndpoint(VaultTransport transport) => _transport = transport;

    /// <summary><c>GET /v1/sys/init</c>.</summary>
    /// <remarks>Status codes: 200 with <c>initialized</c>. Anything else throws <see cref="VaultApiException"/>.</remarks>
    public async Task<bool> IsInitializedAsync(CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Get, "sys/init") { Token = RequestToken.None };
        var response = await _transport.SendAsync(request, cancellationToken);
        return ResponseReader.Read(request, response, VaultJsonContext.Default.InitResponse).Initialized;
    }

    /// <summary><c>POST /v1/sys/init</c> with <c>secret_shares</c> and <c>secret_threshold</c>.</summary>
    /// <remarks>
    /// Never sent twice: had a first attempt been handled and its answer lost, a second would only say "already
    /// initialized" and the keys would be gone; so only a failure before sending is retried, and a lost answer
    /// surfaces as <see cref="VaultUnreachableException"/> with <c>RequestMayHaveBeenSent</c>. Status codes: 200
    /// with <c>keys</c>, <c>keys_base64</c>, <c>root_token</c>. 400 already initialized, or shares and threshold
    /// Vault refuses: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task<VaultInitResult> InitializeAsync(int secretShares, int secretThreshold, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Post, "sys/init")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(new InitRequest(secretShares, secretThreshold), VaultJsonContext.Default.InitRequest),
            Token = RequestToken.None,
            Safety = RequestSafety.MayMint,
        };
        var response = await _transport.SendAsync(request, cancellationToken);
        var body = ResponseReader.Read(request, response, VaultJsonContext.Default.InitResponse);
        if (body.Keys is not { Count: > 0 } keys || string.IsNullOrEmpty(body.RootToken))
        {
            throw VaultErrors.InvalidResponse(request, response, "'keys' or 'root_token' is missing");
        }

        return new VaultInitResult { Keys = keys, KeysBase64 = body.KeysBase64 ?? [], RootToken = body.RootToken };
    }
}
