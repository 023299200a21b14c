namespace SecureLaunch.DevVault.State;

/// <summary>Every lease ever issued, revoked ones included (for <see cref="DevVaultServer.Leases"/>). Callers hold <see cref="DevVaultState.Sync"/>.</summary>
internal sealed partial class LeaseStore
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

    public void RevokeByToken(string tokenId)
    {
        foreach (var lease in _issueOrder.Where(l => l.TokenId == tokenId))
        {
            lease.Revoked = true;
        }
    }

    public IReadOnlyList<DevLeaseInfo> Snapshot(DateTimeOffset now) =>
        [.. _issueOrder.Select(l => new DevLeaseInfo(l.Id, l.Path, l.IssuedAt, l.ExpiresAt, l.Revoked)
        {
            LastRenewedAt = l.LastRenewedAt,
            Expired = !l.Revoked && now >= l.ExpiresAt,
            Renewable = l.Renewable,
        })];
}
