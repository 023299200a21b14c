using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Leases.Events;

/// <summary>The credentials of a lease stopped working: it expired, Vault no longer knows it, or its token died. A re-fetch follows.</summary>
/// <param name="SecretName">The spec name of the secret.</param>
/// <param name="At">When the loop found out.</param>
/// <param name="LeaseId">The lost lease.</param>
/// <param name="Reason"><see cref="RefetchReason.Expired"/>, <see cref="RefetchReason.LeaseInvalid"/> or <see cref="RefetchReason.TokenExpiring"/>.</param>
public sealed record LeaseLost(string SecretName, DateTimeOffset At, ShortLeaseId LeaseId, RefetchReason Reason)
    : LeaseEvent(SecretName, At);
