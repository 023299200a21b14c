using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Leases;

/// <summary><c>sys/leases/lookup</c>, <c>renew</c>, <c>revoke</c> and <c>revoke-prefix</c> (and the legacy <c>sys/renew</c>, <c>sys/revoke</c>).</summary>
/// <remarks>
/// Renew: 200 with the lease in the envelope; 400 <c>lease not found</c> for an unknown, revoked or expired lease.
/// Revoke: 204 (also for an unknown lease, as Vault); 202 when <c>sync</c> is false. Lookup: 200; 400 <c>invalid lease</c>.
/// </remarks>
internal sealed class LeasesEndpoints(DevVaultState state)
{
    public VaultResult Lookup(VaultRequest request)
    {
        var leaseId = Fields.String(request.Data, "lease_id");
        if (string.IsNullOrEmpty(leaseId))
        {
            return VaultError.BadRequest("lease_id must be specified");
        }

        var lease = state.Leases.FindLive(leaseId, request.Now);
        if (lease is null)
        {
            return VaultError.BadRequest("invalid lease");
        }

        var data = new JsonObject
        {
            ["expire_time"] = GoTime.Rfc3339(lease.ExpiresAt),
            ["id"] = lease.Id,
            ["issue_time"] = GoTime.Rfc3339(lease.IssuedAt),
            ["last_renewal"] = lease.LastRenewedAt is { } renewed ? GoTime.Rfc3339(renewed) : null,
            ["renewable"] = lease.Renewable,
            ["ttl"] = GoTime.SecondsLeft(lease.ExpiresAt, request.Now),
        };
        return new VaultResponse { Data = data, MountType = "system" };
    }

    public VaultResult List(VaultRequest request, string prefix)
    {
        var ids = state.Leases.Live(request.Now).Select(l => l.Id);
        var keys = KeyLister.Children(ids, prefix);
        return keys.Count == 0 ? VaultError.NotFound : new VaultResponse { Data = JsonOut.Keys(keys), MountType = "system" };
    }

    public VaultResult Renew(VaultRequest request, string urlLeaseId)
    {
        var leaseId = LeaseId(request, urlLeaseId);
        if (leaseId.Length == 0)
        {
            return VaultError.BadRequest("lease_id must be specified");
        }

        if (!Fields.TryDuration(request.Data, "increment", out var increment, out var error))
        {
            return error!;
        }

        var lease = state.Leases.FindLive(leaseId, request.Now);
        if (lease is null)
        {
            return VaultError.BadRequest("lease not found");
        }

        if (!lease.Renewable)
        {
            return VaultError.BadRequest("lease is not renewable");
        }

        var outcome = TtlCalculator.Renewal(request.Now, increment, lease.Ttl, lease.MaxTtl, TimeSpan.Zero, lease.IssuedAt);
        if (outcome.Error is not null)
        {
            return VaultError.BadRequest(outcome.Error);
        }

        lease.ExpiresAt = request.Now + outcome.Ttl;
        lease.LastRenewedAt = request.Now;
        state.Counters.Renewal("lease");
        return new VaultResponse
        {
            LeaseId = lease.Id,
            Renewable = true,
            LeaseDuration = (long)outcome.Ttl.TotalSeconds,
            Warnings = outcome.Warning is null ? null : [outcome.Warning],
            MountType = "system",
        };
    }

    public VaultResult Revoke(VaultRequest request, string urlLeaseId)
    {
        var leaseId = LeaseId(request, urlLeaseId);
        if (leaseId.Length == 0)
        {
            return VaultError.BadRequest("lease_id must be specified");
        }

        if (!Fields.TryBool(request.Data, "sync", true, out var sync, out var error))
        {
            return error!;
        }

        if (state.Leases.FindLive(leaseId, request.Now) is { } lease)
        {
            state.Leases.Revoke(lease, request.Now);
        }

        return sync ? VaultNoContent.Instance : new VaultResponse { StatusCode = 202, MountType = "system" };
    }

    public VaultResult RevokePrefix(VaultRequest request, string prefix)
    {
        foreach (var lease in state.Leases.Live(request.Now).Where(l => l.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            state.Leases.Revoke(lease, request.Now);
        }

        return VaultNoContent.Instance;
    }

    /// <summary>The body's <c>lease_id</c> wins over the one in the URL, as the page says.</summary>
    private static string LeaseId(VaultRequest request, string urlLeaseId) =>
        Fields.String(request.Data, "lease_id") is { Length: > 0 } fromBody ? fromBody : urlLeaseId;
}
