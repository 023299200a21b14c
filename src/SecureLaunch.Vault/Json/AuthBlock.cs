namespace SecureLaunch.Vault.Json;

/// <summary>
/// The <c>auth</c> block of a login or <c>renew-self</c> answer. <see cref="ClientToken"/> is the new token:
/// this type is never logged and its <see cref="ToString"/> leaves it out.
/// </summary>
internal sealed record AuthBlock
{
    public string? ClientToken { get; init; }

    public string? Accessor { get; init; }

    public IReadOnlyList<string>? Policies { get; init; }

    public IReadOnlyList<string>? TokenPolicies { get; init; }

    public IReadOnlyList<string>? IdentityPolicies { get; init; }

    public Dictionary<string, string?>? Metadata { get; init; }

    public long LeaseDuration { get; init; }

    public bool Renewable { get; init; }

    public string? EntityId { get; init; }

    public string? TokenType { get; init; }

    public bool Orphan { get; init; }

    public override string ToString() => $"AuthBlock {{ Accessor = {Accessor}, LeaseDuration = {LeaseDuration} }}";
}
