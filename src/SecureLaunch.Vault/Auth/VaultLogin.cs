namespace SecureLaunch.Vault.Auth;

/// <summary>
/// A token as a login returned it (the <c>auth</c> block), or as <c>lookup-self</c> described a token the user
/// gave. <see cref="ToString"/> shows the accessor, never <see cref="ClientToken"/>.
/// </summary>
public sealed record VaultLogin
{
    /// <summary>The token itself. Never log it; log <see cref="Accessor"/>.</summary>
    public required string ClientToken { get; init; }

    /// <summary>The token's accessor: safe to log, and enough to look the token up or revoke it.</summary>
    public required string Accessor { get; init; }

    /// <summary>All policies attached (<c>policies</c>; <c>token_policies</c> when Vault sent only those).</summary>
    public required IReadOnlyList<string> Policies { get; init; }

    /// <summary>The token's lease: how long it lives unless renewed. <see cref="TimeSpan.Zero"/> for a token that does not expire.</summary>
    public required TimeSpan LeaseDuration { get; init; }

    public required bool Renewable { get; init; }

    /// <summary>When the answer was asked for (the client's TimeProvider), before Vault started the lease.</summary>
    public required DateTimeOffset ObtainedAt { get; init; }

    /// <summary>The auth method type that produced the token (<c>approle</c>, <c>token</c>...).</summary>
    public required string Method { get; init; }

    /// <summary>The mount the login went to, without <c>auth/</c>.</summary>
    public required string Mount { get; init; }

    /// <summary>
    /// True when the token was minted by this login, so whoever logged in should revoke it when done
    /// (<see cref="IVaultClient.RevokeSelfAsync"/>); false for <see cref="TokenAuth"/>, whose token belongs to the user.
    /// </summary>
    public required bool CreatedByLogin { get; init; }

    public IReadOnlyList<string> TokenPolicies { get; init; } = [];

    public IReadOnlyList<string> IdentityPolicies { get; init; } = [];

    /// <summary>What the auth method attached (<c>role_name</c>, <c>username</c>, service account...).</summary>
    public IReadOnlyDictionary<string, string?> Metadata { get; init; } = new Dictionary<string, string?>();

    public bool Orphan { get; init; }

    public string? EntityId { get; init; }

    /// <summary><c>service</c> or <c>batch</c>, when Vault said.</summary>
    public string? TokenType { get; init; }

    /// <summary>When the token expires unless renewed; null for a token that does not expire.</summary>
    public DateTimeOffset? ExpiresAt => LeaseDuration > TimeSpan.Zero ? ObtainedAt + LeaseDuration : null;

    public override string ToString() =>
        $"VaultLogin {{ Method = {Method}, Mount = {Mount}, Accessor = {Accessor}, Policies = [{string.Join(", ", Policies)}], " +
        $"LeaseDuration = {LeaseDuration}, Renewable = {Renewable} }}";
}
