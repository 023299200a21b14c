using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Leases.Events;

/// <summary>A renewal failed. Unless <see cref="Failure"/> is <see cref="LeaseFailureKind.LeaseInvalid"/>, the current credentials stay in use.</summary>
/// <param name="SecretName">The spec name of the secret.</param>
/// <param name="At">When it failed.</param>
/// <param name="LeaseId">The lease.</param>
/// <param name="Failure">What kind of failure: sealed, standby, unreachable, permission denied, lease invalid...</param>
/// <param name="ExpiresAt">When the current credentials stop working.</param>
/// <param name="NextAttemptAt">When the loop tries again (a renewal, or a re-fetch once the lease is gone).</param>
/// <param name="Message">The client's message: status, path and Vault's errors; never a value.</param>
public sealed record LeaseRenewalFailed(
    string SecretName, DateTimeOffset At, ShortLeaseId LeaseId, LeaseFailureKind Failure, DateTimeOffset ExpiresAt, DateTimeOffset? NextAttemptAt, string Message)
    : LeaseEvent(SecretName, At);
