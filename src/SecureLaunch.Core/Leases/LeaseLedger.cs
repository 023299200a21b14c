using System.Collections.Concurrent;
using SecureLaunch.Vault.Secrets;

namespace SecureLaunch.Core.Leases;

/// <summary>Every lease a launch took, recorded the moment it arrives so that none escapes revocation.</summary>
/// <remarks>
/// <see cref="Recorded"/> and <see cref="Forgotten"/> let the <see cref="LeaseSupervisor"/> follow leases added or
/// given up after it started. Handlers run synchronously on the caller's thread and must not throw.
/// </remarks>
public sealed class LeaseLedger
{
    private readonly ConcurrentDictionary<string, (string Secret, VaultLease Lease)> _leases = new(StringComparer.Ordinal);

    /// <summary>Raised after a lease is recorded (new, or an update of a known lease id after renewal).</summary>
    public event Action<string, VaultLease>? Recorded;

    /// <summary>Raised after a lease is forgotten (revoked, or known to be gone), with its id.</summary>
    public event Action<string>? Forgotten;

    public void Record(string secret, VaultLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        _leases[lease.LeaseId] = (secret, lease);
        Recorded?.Invoke(secret, lease);
    }

    public void Forget(string leaseId)
    {
        if (_leases.TryRemove(leaseId, out _))
        {
            Forgotten?.Invoke(leaseId);
        }
    }

    public IReadOnlyList<(string Secret, VaultLease Lease)> Snapshot() => [.. _leases.Values];

    public int Count => _leases.Count;
}
