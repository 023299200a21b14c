using System.Security.Cryptography.X509Certificates;

namespace SecureLaunch.Vault;

/// <summary>
/// TLS for an <c>https</c> Vault address. Resolving <c>VAULT_CACERT</c>, <c>VAULT_CLIENT_CERT</c> and
/// <c>VAULT_CLIENT_KEY</c> is the caller's job; this only takes the results.
/// </summary>
/// <remarks>
/// A CA given here (file or PEM, one or more certificates) is trusted <b>instead of</b> the system store, as the
/// Vault CLI does with <c>VAULT_CACERT</c>: a private CA pins Vault to that CA, and a certificate from some other
/// public CA is refused. The host name is checked either way. Without a CA, the system store is used.
/// </remarks>
public sealed record VaultTlsOptions
{
    /// <summary>A PEM file of the CA certificate(s) that signed Vault's certificate.</summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>The same as PEM text; may be combined with <see cref="CaCertificateFile"/>.</summary>
    public string? CaCertificatePem { get; init; }

    /// <summary>
    /// Accept any server certificate. For experiments only: anyone on the path can then read the token and every
    /// secret. Logged as a warning each time a client is created.
    /// </summary>
    public bool SkipVerify { get; init; }

    /// <summary>PEM file of the client certificate, for a listener with <c>tls_require_and_verify_client_cert</c>.</summary>
    public string? ClientCertificateFile { get; init; }

    /// <summary>PEM file of the client certificate's private key; required with <see cref="ClientCertificateFile"/>.</summary>
    public string? ClientKeyFile { get; init; }

    /// <summary>A client certificate with its private key, already loaded; instead of the two files.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>True when anything here changes the handler's defaults.</summary>
    public bool IsCustomized =>
        CaCertificateFile is not null || CaCertificatePem is not null || SkipVerify
        || ClientCertificateFile is not null || ClientKeyFile is not null || ClientCertificate is not null;

    public override string ToString() =>
        $"VaultTlsOptions {{ CaCertificateFile = {CaCertificateFile}, CaPem = {CaCertificatePem is not null}, SkipVerify = {SkipVerify}, " +
        $"ClientCertificate = {ClientCertificateFile ?? ClientCertificate?.Subject} }}";
}
