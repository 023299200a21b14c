namespace SecureLaunch.Core.Leases.Events;

/// <summary>
/// A secret needed another new credential while its <see cref="MintBudget"/> was spent. Raised once per episode
/// (until a lease of that secret renews successfully); the re-fetch waits for <see cref="RetryAt"/> meanwhile.
/// </summary>
/// <param name="SecretName">The spec name of the secret.</param>
/// <param name="At">When the budget refused.</param>
/// <param name="Limit">Credentials allowed per window.</param>
/// <param name="Window">The window.</param>
/// <param name="RetryAt">When the budget has room again.</param>
/// <param name="Message">The <see cref="MintBudgetExceededException"/> message; names the secret, never a value.</param>
public sealed record MintBudgetExceeded(string SecretName, DateTimeOffset At, int Limit, TimeSpan Window, DateTimeOffset RetryAt, string Message)
    : LeaseEvent(SecretName, At);
