namespace SecureLaunch.Vault.Auth;

/// <summary>A token Vault created for someone else. <see cref="ToString"/> leaves the token out; never log it.</summary>
public sealed record VaultIssuedToken
{
    /// <summary>The new token: hand it over, never log or persist it.</summary>
    public required string ClientToken { get; init; }

    public required string Accessor { get; init; }

    public required IReadOnlyList<string> Policies { get; init; }

    /// <summary>Its TTL at creation (the period, for a periodic token).</summary>
    public required TimeSpan LeaseDuration { get; init; }

    public required bool Renewable { get; init; }

    /// <summary>True when it has no parent, so revoking the creator leaves it alone.</summary>
    public required bool Orphan { get; init; }

    /// <summary>When the request was sent, for expiry arithmetic.</summary>
    public required DateTimeOffset ObtainedAt { get; init; }

    /// <summary>Warnings Vault gave (a policy that does not exist, a period lowered by the role...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public override string ToString() => $"VaultIssuedToken {{ Accessor = {Accessor}, LeaseDuration = {LeaseDuration}, Renewable = {Renewable}, Orphan = {Orphan} }}";
}
