using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Leases;

/// <summary>One secret as the supervisor sees it now, for <c>status</c>. Lease id shortened; no value.</summary>
/// <param name="SecretName">The spec name of the secret.</param>
/// <param name="LeaseId">The lease followed; null for a KV secret.</param>
/// <param name="Status">The lease's state; <see cref="LeaseStatus.Healthy"/> for a KV secret read successfully.</param>
/// <param name="ExpiresAt">When the credentials stop working; null for KV.</param>
/// <param name="NextActionAt">When the loop acts next, if planned.</param>
/// <param name="NextAction">What it does then.</param>
/// <param name="LastFailure">What the last failed attempt ran into, if the last attempt failed.</param>
/// <param name="RefetchReason">Why a new credential is needed, while one is.</param>
public sealed record LeaseView(
    string SecretName,
    ShortLeaseId? LeaseId,
    LeaseStatus Status,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? NextActionAt,
    RenewalAction? NextAction,
    LeaseFailureKind? LastFailure,
    RefetchReason? RefetchReason);
