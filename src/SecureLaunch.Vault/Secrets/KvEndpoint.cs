using System.Net;
using System.Text.Json;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Secrets;

/// <summary>Reads of the KV engine, v1 and v2. Both are idempotent, so transient failures are retried.</summary>
internal sealed class KvEndpoint
{
    private static readonly IReadOnlySet<HttpStatusCode> NotFound = new HashSet<HttpStatusCode> { HttpStatusCode.NotFound };

    private readonly VaultTransport _transport;

    public KvEndpoint(VaultTransport transport) => _transport = transport;

    /// <summary><c>GET /v1/:mount/:path</c> (KV v1): the fields are <c>data</c>.</summary>
    /// <remarks>
    /// Status codes: 200 with the fields (its <c>lease_duration</c> is an advisory TTL, not a lease, and is ignored);
    /// 404 no secret there, 403 permission denied, 503 sealed: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task<VaultSecret> ReadV1Async(string path, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Get, path);
        var response = await _transport.SendAsync(request, cancellationToken);
        var envelope = ResponseReader.Read(request, response, VaultJsonContext.Default.SecretResponse);
        return new VaultSecret
        {
            Path = path,
            Data = ResponseReader.Fields(request, response, envelope.Data),
            KvVersion = 1,
            Warnings = envelope.Warnings ?? [],
        };
    }

    /// <summary><c>GET /v1/:mount/data/:path[?version=N]</c> (KV v2): fields from <c>data.data</c>, version from <c>data.metadata.version</c>.</summary>
    /// <remarks>
    /// Status codes: 200 with the version; 404 without a body (no secret) or with the version's metadata
    /// (soft-deleted or destroyed; some Vaults send those with 200 and <c>data.data</c> null): all thrown as
    /// <see cref="VaultApiException"/> of kind <see cref="VaultErrorKind.NotFound"/>, saying which. 403 permission
    /// denied, 503 sealed: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task<VaultSecret> ReadV2Async(string path, KvMount mount, int? version, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Get, KvPaths.V2DataPath(path, mount.MountPath))
        {
            Query = version is { } v ? $"version={v}" : null,
            HandledStatuses = NotFound,
        };
        var response = await _transport.SendAsync(request, cancellationToken);
        var envelope = response.HasBody ? TryRead(request, response) : null;
        var data = envelope?.Data is { ValueKind: JsonValueKind.Object } element
            ? ResponseReader.ReadElement(request, response, element, VaultJsonContext.Default.KvV2Data, "data")
            : null;

        if (data?.Data is null)
        {
            throw Missing(request, response, data?.Metadata);
        }

        return new VaultSecret
        {
            Path = path,
            Data = data.Data,
            KvVersion = 2,
            Version = data.Metadata?.Version,
            Warnings = envelope?.Warnings ?? [],
        };
    }

    private static SecretResponse? TryRead(VaultRequest request, VaultResponse response)
    {
        try
        {
            return ResponseReader.Read(request, response, VaultJsonContext.Default.SecretResponse);
        }
        catch (VaultApiException) when (!response.IsSuccess)
        {
            return null;
        }
    }

    private static VaultApiException Missing(VaultRequest request, VaultResponse response, KvV2Metadata? metadata)
    {
        if (response.IsSuccess && metadata is null)
        {
            return VaultErrors.InvalidResponse(request, response, "'data.data' is missing");
        }

        var detail = metadata switch
        {
            { Destroyed: true } => $"version {metadata.Version} was destroyed",
            { DeletionTime: { Length: > 0 } deletedAt } => $"version {metadata.Version} was deleted at {deletedAt}",
            _ => "no secret at this path",
        };
        return new VaultApiException(
            VaultErrorKind.NotFound, response.StatusCode, request.Method.Method, request.Display, VaultErrors.Parse(response.Body), detail);
    }
}
