namespace SecureLaunch.Core.Spec;

/// <summary>
/// The spec's <c>vault.tls:</c>: a CA to trust for Vault's certificate (instead of the system store, as
/// <c>VAULT_CACERT</c> does) and, for experiments only, skipping verification.
/// </summary>
public sealed record TlsSettings
{
    public string? CaCertificateFile { get; init; }

    public bool SkipVerify { get; init; }
}
