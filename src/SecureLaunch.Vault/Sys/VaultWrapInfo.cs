namespace SecureLaunch.Vault.Sys;

/// <summary>
/// The <c>wrap_info</c> of a response-wrapped answer. <see cref="Token"/> is a single-use wrapping token: whoever
/// unwraps it first gets the answer. <see cref="ToString"/> leaves it out; never log it.
/// </summary>
public sealed record VaultWrapInfo
{
    public required string Token { get; init; }

    /// <summary>The wrapping token's own accessor (to revoke it unused).</summary>
    public required string Accessor { get; init; }

    public required TimeSpan Ttl { get; init; }

    public DateTimeOffset? CreationTime { get; init; }

    /// <summary>The path whose answer was wrapped: the receiver checks it before unwrapping.</summary>
    public required string CreationPath { get; init; }

    /// <summary>For a wrapped token, the accessor of that token (so it can be revoked without unwrapping); else null.</summary>
    public string? WrappedAccessor { get; init; }

    public override string ToString() => $"VaultWrapInfo {{ Accessor = {Accessor}, CreationPath = {CreationPath}, Ttl = {Ttl}, WrappedAccessor = {WrappedAccessor} }}";
}
