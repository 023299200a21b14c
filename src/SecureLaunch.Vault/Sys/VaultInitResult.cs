namespace SecureLaunch.Vault.Sys;

/// <summary>
/// What <c>POST sys/init</c> returns, once only: the unseal key shares and the initial root token. Vault keeps no
/// copy; lose this and the Vault can never be unsealed. <see cref="ToString"/> prints counts, never a key or the token.
/// </summary>
public sealed record VaultInitResult
{
    /// <summary>The key shares, hex-encoded.</summary>
    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>The same shares, base64-encoded.</summary>
    public required IReadOnlyList<string> KeysBase64 { get; init; }

    public required string RootToken { get; init; }

    public override string ToString() => $"VaultInitResult {{ Keys = {Keys.Count} shares, RootToken = (hidden) }}";
}
