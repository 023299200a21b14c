using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Leases.Events;

/// <summary>The caller's re-fetch delegate returned; the loop now follows the new lease.</summary>
/// <param name="SecretName">The spec name of the secret.</param>
/// <param name="At">When it returned.</param>
/// <param name="OldLeaseId">The lease replaced; null for a KV secret.</param>
/// <param name="NewLeaseId">The new lease; null for a KV secret.</param>
/// <param name="ExpiresAt">The new lease's expiry; null for a KV secret.</param>
public sealed record SecretRefetched(string SecretName, DateTimeOffset At, ShortLeaseId? OldLeaseId, ShortLeaseId? NewLeaseId, DateTimeOffset? ExpiresAt)
    : LeaseEvent(SecretName, At);
