namespace SecureLaunch.Core.Spec;

/// <summary>The spec's <c>vault:</c> section.</summary>
public sealed record VaultSettings
{
    /// <summary>The address from the spec; null means <c>VAULT_ADDR</c>, then <c>http://127.0.0.1:8200</c>.</summary>
    public Uri? Address { get; init; }

    public string? Namespace { get; init; }

    public required AuthSettings Auth { get; init; }

    /// <summary>TLS settings; null when the spec has none (then <c>VAULT_CACERT</c> and <c>VAULT_SKIP_VERIFY</c> apply).</summary>
    public TlsSettings? Tls { get; init; }

    /// <summary>How to unseal Vault when it says it is sealed; null when not configured.</summary>
    public UnsealSettings? Unseal { get; init; }
}
