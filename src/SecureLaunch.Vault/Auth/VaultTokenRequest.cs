namespace SecureLaunch.Vault.Auth;

/// <summary>
/// A token to create through a token store role (<c>auth/token/create/:role_name</c>). Left-out values take the
/// role's and Vault's defaults; the role bounds the policies and decides orphan, period and renewability.
/// </summary>
public sealed record VaultTokenRequest
{
    /// <summary>The token role, one path segment.</summary>
    public required string RoleName { get; init; }

    /// <summary>Policies asked for; null or empty takes the role's allowed policies (or, without any, the caller's).</summary>
    public IReadOnlyList<string>? Policies { get; init; }

    /// <summary>The TTL asked for; ignored by Vault when the role makes periodic tokens.</summary>
    public TimeSpan? Ttl { get; init; }

    /// <summary>Shown in <c>lookup</c> as <c>token-&lt;name&gt;</c>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Metadata passed through to the audit log; never put a secret here.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>
    /// Set to response-wrap the answer (<c>X-Vault-Wrap-TTL</c>): only a single-use wrapping token comes back and the
    /// new token itself never reaches this process.
    /// </summary>
    public TimeSpan? WrapTtl { get; init; }
}
