namespace SecureLaunch.Core.Leases.Events;

/// <summary>The re-fetch delegate threw; the loop retries with backoff (within the mint budget).</summary>
/// <param name="SecretName">The spec name of the secret.</param>
/// <param name="At">When it failed.</param>
/// <param name="Failure">What kind of failure.</param>
/// <param name="NextAttemptAt">When the loop tries again.</param>
/// <param name="Message">A value-free description: the Vault client's message, or the exception's type.</param>
public sealed record RefetchFailed(string SecretName, DateTimeOffset At, LeaseFailureKind Failure, DateTimeOffset? NextAttemptAt, string Message)
    : LeaseEvent(SecretName, At);
