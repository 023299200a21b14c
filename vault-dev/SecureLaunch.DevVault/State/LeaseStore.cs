namespace SecureLaunch.DevVault.State;

/// <summary>Every lease ever issued, revoked ones included (for <see cref="DevVaultServer.Leases"/>). Callers hold <see cref="DevVaultState.Sync"/>.</summary>
internal sealed partial class LeaseStore(UsageCounters counters)
{
    private readonly Dictionary<string, LeaseEntry> _leases = new(StringComparer.Ordinal);
    private readonly List<LeaseEntry> _issueOrder = [];

    public void Add(LeaseEntry lease)
    {
        _leases.Add(lease.Id, lease);
        _issueOrder.Add(lease);
    }

    /// <summary>The lease when it exists and is live; Vault deletes a lease once revoked or expired, so those are not found.</summary>
    public LeaseEntry? FindLive(string id, DateTimeOffset now) =>
        _leases.TryGetValue(id, out var lease) && lease.IsLive(now) ? lease : null;

    public IEnumerable<LeaseEntry> Live(DateTimeOffset now) => _issueOrder.Where(l => l.IsLive(now));

    /// <summary>Revokes every lease of a token; <paramref name="expired"/> when the token ran out (not counted as a revocation).</summary>
    public void RevokeByToken(string tokenId, DateTimeOffset now, bool expired)
    {
        foreach (var lease in _issueOrder.Where(l => l.TokenId == tokenId && !l.Revoked))
        {
            Revoke(lease, now, counted: !expired);
        }
    }

    /// <summary>Marks a lease revoked; a live one counts as a revocation unless <paramref name="counted"/> is false.</summary>
    public void Revoke(LeaseEntry lease, DateTimeOffset now, bool counted = true)
    {
        if (counted && lease.IsLive(now))
        {
            counters.Revocation("lease");
        }

        lease.Revoked = true;
    }

    public IReadOnlyList<DevLeaseInfo> Snapshot(DateTimeOffset now) =>
        [.. _issueOrder.Select(l => new DevLeaseInfo(l.Id, l.Path, l.IssuedAt, l.ExpiresAt, l.Revoked)
        {
            LastRenewedAt = l.LastRenewedAt,
            Expired = !l.Revoked && now >= l.ExpiresAt,
            Renewable = l.Renewable,
        })];
}
