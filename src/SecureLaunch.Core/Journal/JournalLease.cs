namespace SecureLaunch.Core.Journal;

/// <summary>One lease of a launch, as the journal keeps it. The lease id is written in full (<c>down</c> revokes by it); no value ever is.</summary>
public sealed record JournalLease
{
    public required string LeaseId { get; init; }

    /// <summary>The spec name of the secret it belongs to.</summary>
    public required string Secret { get; init; }

    /// <summary>The Vault path it was read from.</summary>
    public string? Path { get; init; }

    /// <summary>The duration last granted (at fetch or renewal), in seconds.</summary>
    public long TtlSeconds { get; init; }

    public bool Renewable { get; init; }

    /// <summary>When the lease was fetched or last granted.</summary>
    public DateTimeOffset ObtainedAt { get; init; }

    /// <summary>When it runs out unless renewed.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? LastRenewedAt { get; init; }

    /// <summary>What the renewal loop does next: <c>renew</c>, <c>refetch</c>.</summary>
    public string? NextAction { get; init; }

    /// <summary>When it does it.</summary>
    public DateTimeOffset? NextDueAt { get; init; }

    /// <summary>The last failure (kind and the Vault client's message), cleared by the next success.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }
}
