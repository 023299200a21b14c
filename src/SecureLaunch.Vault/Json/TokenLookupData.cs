namespace SecureLaunch.Vault.Json;

/// <summary>
/// The <c>data</c> of <c>auth/token/lookup-self</c> and <c>lookup-accessor</c>. Its <c>id</c> field is the token itself (empty from lookup-accessor) and is deliberately
/// not a property here, so it is never kept.
/// </summary>
internal sealed record TokenLookupData
{
    public string? Accessor { get; init; }

    public IReadOnlyList<string>? Policies { get; init; }

    public IReadOnlyList<string>? IdentityPolicies { get; init; }

    public long Ttl { get; init; }

    public bool Renewable { get; init; }

    public string? DisplayName { get; init; }

    public string? ExpireTime { get; init; }

    public bool Orphan { get; init; }
}
