namespace SecureLaunch.Core.Leases;

/// <summary>A secret needed another new credential while its <see cref="MintBudget"/> was spent. Names the secret, never a value.</summary>
public sealed class MintBudgetExceededException : Exception
{
    public MintBudgetExceededException(string secretName, int limit, TimeSpan window, DateTimeOffset retryAt)
        : base($"secret '{secretName}': refused to mint another credential: {limit} already minted in the last {Format(window)} " +
            $"(limit {limit} per {Format(window)}); the next one is allowed at {retryAt:u}. " +
            "Renewals or re-fetches keep failing: check the lease's TTLs and the token's policies.")
    {
        SecretName = secretName;
        Limit = limit;
        Window = window;
        RetryAt = retryAt;
    }

    public string SecretName { get; }

    public int Limit { get; }

    public TimeSpan Window { get; }

    /// <summary>When the budget has room again.</summary>
    public DateTimeOffset RetryAt { get; }

    private static string Format(TimeSpan span) =>
        span.TotalSeconds < 60 || span.TotalSeconds % 60 != 0 ? $"{span.TotalSeconds:0.###}s" : $"{span.TotalMinutes:0.###}m";
}
