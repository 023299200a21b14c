using System.Collections.Concurrent;
using SecureLaunch.Vault.Secrets;

namespace SecureLaunch.Core.Leases;

/// <summary>Every lease a launch took, recorded the moment it arrives so that none escapes revocation.</summary>
public sealed class LeaseLedger
{
    private readonly ConcurrentDictionary<string, (string Secret, VaultLease Lease)> _leases = new(StringComparer.Ordinal);

    public void Record(string secret, VaultLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        _leases[lease.LeaseId] = (secret, lease);
    }

    public void Forget(string leaseId) => _leases.TryRemove(leaseId, out _);

    public IReadOnlyList<(string Secret, VaultLease Lease)> Snapshot() => [.. _leases.Values];

    public int Count => _leases.Count;
}
