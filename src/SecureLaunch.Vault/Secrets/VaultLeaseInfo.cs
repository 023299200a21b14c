namespace SecureLaunch.Vault.Secrets;

/// <summary>What <c>sys/leases/lookup</c> says of a lease.</summary>
public sealed record VaultLeaseInfo
{
    public required string LeaseId { get; init; }

    /// <summary>Time left, as Vault counted it when it answered.</summary>
    public required TimeSpan Ttl { get; init; }

    public required bool Renewable { get; init; }

    public DateTimeOffset? IssueTime { get; init; }

    public DateTimeOffset? ExpireTime { get; init; }

    /// <summary>Null when the lease was never renewed.</summary>
    public DateTimeOffset? LastRenewal { get; init; }
}
