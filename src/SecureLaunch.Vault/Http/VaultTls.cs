using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace SecureLaunch.Vault.Http;

/// <summary>Applies <see cref="VaultTlsOptions"/> to the client's own handler.</summary>
internal static class VaultTls
{
    public static void Configure(SocketsHttpHandler handler, VaultClientOptions options, ILogger logger)
    {
        var tls = options.Tls;
        var address = $"{options.Address.Scheme}://{options.Address.Authority}";
        if (tls.SkipVerify)
        {
            Log.TlsVerificationDisabled(logger, address);
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (LoadCas(tls) is { Count: > 0 } cas)
        {
            Log.CustomCaTrusted(logger, address, cas.Count);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => IsTrusted(certificate, chain, errors, cas);
        }

        if (LoadClientCertificate(tls) is { } client)
        {
            handler.SslOptions.ClientCertificates = [client];
        }
    }

    /// <summary>
    /// The server's certificate chains to one of <paramref name="cas"/> and only to them (the system store plays
    /// no part), and its name matches the address: a custom CA replaces trust, it never relaxes the name check.
    /// </summary>
    internal static bool IsTrusted(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection cas)
    {
        if (certificate is not X509Certificate2 leaf
            || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(cas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            // Intermediates the server sent; an extra store is never trusted by itself.
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf);
    }

    private static X509Certificate2Collection LoadCas(VaultTlsOptions tls)
    {
        var cas = new X509Certificate2Collection();
        try
        {
            if (tls.CaCertificateFile is { } file)
            {
                cas.ImportFromPemFile(file);
            }

            if (tls.CaCertificatePem is { } pem)
            {
                cas.ImportFromPem(pem);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"The CA certificate {Describe(tls.CaCertificateFile)} could not be read: {ex.GetType().Name}.", nameof(tls), ex);
        }

        if ((tls.CaCertificateFile is not null || tls.CaCertificatePem is not null) && cas.Count == 0)
        {
            throw new ArgumentException($"The CA certificate {Describe(tls.CaCertificateFile)} holds no PEM certificate.", nameof(tls));
        }

        return cas;
    }

    private static X509Certificate2? LoadClientCertificate(VaultTlsOptions tls)
    {
        if (tls.ClientCertificate is { } given)
        {
            return given;
        }

        if (tls.ClientCertificateFile is null && tls.ClientKeyFile is null)
        {
            return null;
        }

        if (tls.ClientCertificateFile is null || tls.ClientKeyFile is null)
        {
            throw new ArgumentException("A client certificate needs both its certificate file and its key file.", nameof(tls));
        }

        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(tls.ClientCertificateFile, tls.ClientKeyFile);

            // A PEM key is ephemeral; SslStream on Windows needs it in a PKCS#12 round trip. Harmless elsewhere.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            // The exception's type only: a parser message could in principle quote key material.
            throw new ArgumentException(
                $"The client certificate '{tls.ClientCertificateFile}' with key '{tls.ClientKeyFile}' could not be loaded: {ex.GetType().Name}.", nameof(tls));
        }
    }

    private static string Describe(string? file) => file is null ? "PEM" : $"file '{file}'";
}
