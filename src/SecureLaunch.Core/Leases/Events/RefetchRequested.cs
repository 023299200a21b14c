using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Leases.Events;

/// <summary>A new credential (or, for KV, a fresh read) is needed; raised once per episode, before the first attempt.</summary>
/// <param name="SecretName">The spec name of the secret.</param>
/// <param name="At">When the need was found.</param>
/// <param name="Reason">Why.</param>
/// <param name="LeaseId">The lease being replaced; null for a KV secret.</param>
public sealed record RefetchRequested(string SecretName, DateTimeOffset At, RefetchReason Reason, ShortLeaseId? LeaseId)
    : LeaseEvent(SecretName, At);
