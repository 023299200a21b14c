using SecureLaunch.Vault.Sys;

namespace SecureLaunch.Vault.Auth;

/// <summary>What creating a token gave: the token itself, or (when wrapping was asked for) only its wrap info.</summary>
public sealed record VaultTokenCreation
{
    /// <summary>Set when the answer was not wrapped.</summary>
    public VaultIssuedToken? Token { get; init; }

    /// <summary>Set when the answer was wrapped; the token is then only in the wrapping token's cubbyhole.</summary>
    public VaultWrapInfo? Wrapped { get; init; }
}
