namespace SecureLaunch.Vault.Json;

/// <summary>The <c>data</c> of <c>sys/leases/lookup</c>.</summary>
internal sealed record LeaseLookupData
{
    public string? Id { get; init; }

    public DateTimeOffset? IssueTime { get; init; }

    public DateTimeOffset? ExpireTime { get; init; }

    public DateTimeOffset? LastRenewal { get; init; }

    public bool Renewable { get; init; }

    public long Ttl { get; init; }
}
