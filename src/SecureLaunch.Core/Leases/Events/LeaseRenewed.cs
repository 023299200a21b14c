using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Leases.Events;

/// <summary>Vault renewed the lease.</summary>
/// <param name="SecretName">The spec name of the secret.</param>
/// <param name="At">When the renewal was asked for.</param>
/// <param name="LeaseId">The lease.</param>
/// <param name="Granted">The duration Vault granted (less than asked near the role's max TTL).</param>
/// <param name="ExpiresAt">The new expiry.</param>
public sealed record LeaseRenewed(string SecretName, DateTimeOffset At, ShortLeaseId LeaseId, TimeSpan Granted, DateTimeOffset ExpiresAt)
    : LeaseEvent(SecretName, At);
