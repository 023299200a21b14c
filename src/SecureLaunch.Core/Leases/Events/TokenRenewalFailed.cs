namespace SecureLaunch.Core.Leases.Events;

/// <summary>A token renewal or login failed; the keeper retries with backoff.</summary>
/// <param name="At">When it failed.</param>
/// <param name="Action">What failed: <see cref="RenewalAction.Renew"/> or <see cref="RenewalAction.Reauthenticate"/>.</param>
/// <param name="Failure">What kind of failure.</param>
/// <param name="NextAction">What the keeper does next.</param>
/// <param name="NextAttemptAt">When.</param>
/// <param name="Message">A value-free description.</param>
public sealed record TokenRenewalFailed(
    DateTimeOffset At, RenewalAction Action, LeaseFailureKind Failure, RenewalAction NextAction, DateTimeOffset NextAttemptAt, string Message)
    : TokenEvent(At);
