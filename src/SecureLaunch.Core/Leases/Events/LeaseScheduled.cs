using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Leases.Events;

/// <summary>The loop planned its next step and is now waiting for it (the wait is already armed when this is raised).</summary>
/// <param name="SecretName">The spec name of the secret.</param>
/// <param name="At">When the plan was made.</param>
/// <param name="LeaseId">The lease concerned; null for a KV secret.</param>
/// <param name="Action">Renew, re-fetch or re-read.</param>
/// <param name="DueAt">When it will happen (or when the loop wakes to look again, at an expiry).</param>
/// <param name="Reason">Why, for a re-fetch or re-read.</param>
public sealed record LeaseScheduled(
    string SecretName, DateTimeOffset At, ShortLeaseId? LeaseId, RenewalAction Action, DateTimeOffset DueAt, RefetchReason? Reason)
    : LeaseEvent(SecretName, At);
