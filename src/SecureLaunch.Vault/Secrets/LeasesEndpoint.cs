using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Secrets;

/// <summary><c>sys/leases/renew</c>, <c>revoke</c> and <c>lookup</c>. All idempotent: none mints anything.</summary>
internal sealed class LeasesEndpoint
{
    private static readonly IReadOnlySet<HttpStatusCode> Unknown = new HashSet<HttpStatusCode>
    {
        HttpStatusCode.BadRequest,
        HttpStatusCode.NotFound,
    };

    private readonly VaultTransport _transport;
    private readonly ILogger _logger;

    public LeasesEndpoint(VaultTransport transport, ILogger logger)
    {
        _transport = transport;
        _logger = logger;
    }

    /// <summary><c>PUT /v1/sys/leases/renew</c> with <c>{"lease_id","increment"}</c>.</summary>
    /// <remarks>
    /// Status codes: 200 with the granted <c>lease_duration</c> (the backend may grant less than asked, or cap at
    /// the role's max TTL). 400 for a lease Vault does not know, that expired or that is not renewable: thrown as
    /// <see cref="VaultApiException"/> of kind <see cref="VaultErrorKind.InvalidLease"/> so callers re-fetch.
    /// 403 permission denied, 503 sealed: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task<VaultLease> RenewAsync(string leaseId, TimeSpan? increment, CancellationToken cancellationToken)
    {
        var seconds = increment is { } i && i > TimeSpan.Zero ? (long)Math.Ceiling(i.TotalSeconds) : (long?)null;
        var request = new VaultRequest(HttpMethod.Put, "sys/leases/renew")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(new LeaseRenewRequest(leaseId, seconds), VaultJsonContext.Default.LeaseRenewRequest),
        };
        var obtainedAt = _transport.TimeProvider.GetUtcNow();
        var response = await SendLeaseCallAsync(request, cancellationToken);
        var body = ResponseReader.Read(request, response, VaultJsonContext.Default.SecretResponse);
        var lease = new VaultLease(
            string.IsNullOrEmpty(body.LeaseId) ? leaseId : body.LeaseId, TimeSpan.FromSeconds(body.LeaseDuration), body.Renewable, obtainedAt);
        Log.LeaseRenewed(_logger, new ShortLeaseId(leaseId), lease.Duration);
        return lease;
    }

    /// <summary><c>PUT /v1/sys/leases/revoke</c> with <c>{"lease_id","sync":true}</c>.</summary>
    /// <remarks>
    /// <c>sync</c> makes Vault revoke before answering, so success means the credential is gone rather than queued.
    /// Status codes: 204 (or 200/202) revoked. Vault answers 204 too for a lease it does not know (its expiration
    /// manager treats a missing lease as nothing to revoke); a 400/404 whose errors say the lease is not found or
    /// invalid is also taken as already gone. 403 permission denied, 400 for a backend that failed to revoke,
    /// 503 sealed: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task RevokeAsync(string leaseId, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Put, "sys/leases/revoke")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(new LeaseRevokeRequest(leaseId, Sync: true), VaultJsonContext.Default.LeaseRevokeRequest),
            HandledStatuses = Unknown,
        };
        var response = await _transport.SendAsync(request, cancellationToken);
        if (response.IsSuccess)
        {
            Log.LeaseRevoked(_logger, new ShortLeaseId(leaseId));
            return;
        }

        if (SaysLeaseUnknown(VaultErrors.Parse(response.Body)))
        {
            Log.LeaseAlreadyGone(_logger, new ShortLeaseId(leaseId));
            return;
        }

        throw VaultErrors.ToException(request, response);
    }

    /// <summary><c>PUT /v1/sys/leases/lookup</c> with <c>{"lease_id"}</c>.</summary>
    /// <remarks>
    /// Status codes: 200 with <c>data</c> (id, issue_time, expire_time, last_renewal, renewable, ttl; older pages
    /// show them at the top level, which is read too). 400 for an unknown lease: <see cref="VaultErrorKind.InvalidLease"/>.
    /// 403, 503: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task<VaultLeaseInfo> LookupAsync(string leaseId, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Put, "sys/leases/lookup")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(new LeaseLookupRequest(leaseId), VaultJsonContext.Default.LeaseLookupRequest),
        };
        var response = await SendLeaseCallAsync(request, cancellationToken);
        var envelope = ResponseReader.Read(request, response, VaultJsonContext.Default.SecretResponse);
        var data = envelope.Data is { ValueKind: JsonValueKind.Object }
            ? ResponseReader.ReadElement(request, response, envelope.Data, VaultJsonContext.Default.LeaseLookupData, "data")
            : ResponseReader.Read(request, response, VaultJsonContext.Default.LeaseLookupData);
        return new VaultLeaseInfo
        {
            LeaseId = string.IsNullOrEmpty(data.Id) ? leaseId : data.Id,
            Ttl = TimeSpan.FromSeconds(data.Ttl),
            Renewable = data.Renewable,
            IssueTime = data.IssueTime,
            ExpireTime = data.ExpireTime,
            LastRenewal = data.LastRenewal,
        };
    }

    private async Task<VaultResponse> SendLeaseCallAsync(VaultRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await _transport.SendAsync(request, cancellationToken);
        }
        catch (VaultApiException ex) when (ex.Kind is VaultErrorKind.BadRequest && VaultErrors.Mentions(ex.Errors, "lease"))
        {
            // Vault answers 400 with "lease not found", "lease expired", "invalid lease", "lease is not renewable".
            throw new VaultApiException(VaultErrorKind.InvalidLease, ex.StatusCode, ex.Method, ex.Path, ex.Errors);
        }
    }

    private static bool SaysLeaseUnknown(IReadOnlyList<string> errors) =>
        VaultErrors.Mentions(errors, "not found") || VaultErrors.Mentions(errors, "invalid lease");
}
