namespace SecureLaunch.Vault.Auth;

/// <summary>
/// A token the user already has (spec, <c>VAULT_TOKEN</c>, <c>~/.vault-token</c>): no login, only
/// <c>auth/token/lookup-self</c> to learn its accessor, policies and TTL. SecureLaunch did not create it, so
/// <see cref="VaultLogin.CreatedByLogin"/> is false and it must not be revoked on exit.
/// </summary>
public sealed record TokenAuth : VaultAuthMethod
{
    public TokenAuth()
        : base("token")
    {
    }

    /// <summary>The token. Never logged.</summary>
    public required string Token { get; init; }

    internal override Task<VaultLogin> LoginAsync(LoginEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Token, nameof(Token));
        // A token read from ~/.vault-token or a file usually ends in a line break.
        return endpoint.UseExistingTokenAsync(this, Token.Trim(), cancellationToken);
    }
}
