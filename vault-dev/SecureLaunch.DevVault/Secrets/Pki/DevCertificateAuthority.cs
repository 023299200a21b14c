using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureLaunch.DevVault.Secrets.Pki;

/// <summary>The dev CA: a self-signed EC P-256 root made at start (or restored from the snapshot), issuing leaf certificates.</summary>
internal sealed class DevCertificateAuthority : IDisposable
{
    private readonly X509Certificate2 _root;

    private DevCertificateAuthority(X509Certificate2 root) => _root = root;

    public string CertificatePem => _root.ExportCertificatePem() + "\n";

    public DateTimeOffset NotAfter => new(_root.NotAfter.ToUniversalTime());

    public static DevCertificateAuthority Create(DateTimeOffset now) => Create(now, "SecureLaunch dev Vault CA", TimeSpan.FromDays(3650));

    /// <summary>A new self-signed root named <paramref name="commonName"/>, valid for <paramref name="ttl"/>.</summary>
    public static DevCertificateAuthority Create(DateTimeOffset now, string commonName, TimeSpan ttl)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(commonName);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var root = request.CreateSelfSigned(now.AddSeconds(-30), now + ttl);
        return new DevCertificateAuthority(X509CertificateLoader.LoadPkcs12(root.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable));
    }

    public static DevCertificateAuthority Import(byte[] pkcs12) =>
        new(X509CertificateLoader.LoadPkcs12(pkcs12, null, X509KeyStorageFlags.Exportable));

    public byte[] Export() => _root.Export(X509ContentType.Pkcs12);

    /// <summary>The root's serial number as Vault writes it: hex pairs joined by colons.</summary>
    public string SerialNumber => string.Join(':', Convert.FromHexString(_root.SerialNumber).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The root's private key (PKCS#8 PEM is not Vault's choice for EC: it writes SEC 1 <c>EC PRIVATE KEY</c>).</summary>
    public string PrivateKeyPem()
    {
        using var key = _root.GetECDsaPrivateKey()!;
        return key.ExportECPrivateKeyPem() + "\n";
    }

    /// <summary>A leaf for the names, valid from 30 s before <paramref name="now"/> (Vault's not_before_duration) for <paramref name="ttl"/>.</summary>
    public (X509Certificate2 Certificate, AsymmetricAlgorithm Key) Issue(string commonName, IEnumerable<string> dnsNames, IEnumerable<IPAddress> ips, PkiRole role, DateTimeOffset now, TimeSpan ttl)
    {
        AsymmetricAlgorithm key = role.KeyType == "ec"
            ? ECDsa.Create(role.KeyBits switch { 384 => ECCurve.NamedCurves.nistP384, 521 => ECCurve.NamedCurves.nistP521, _ => ECCurve.NamedCurves.nistP256 })
            : RSA.Create(role.KeyBits is 3072 or 4096 ? role.KeyBits : 2048);
        var request = key is RSA rsa
            ? new CertificateRequest("CN=" + commonName, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=" + commonName, (ECDsa)key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            san.AddDnsName(name);
        }

        foreach (var ip in ips)
        {
            san.AddIpAddress(ip);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_root, true, false));
        var serial = RandomNumberGenerator.GetBytes(20);
        serial[0] &= 0x7f;
        using var issuerKey = _root.GetECDsaPrivateKey()!;
        var generator = X509SignatureGenerator.CreateForECDsa(issuerKey);
        var certificate = request.Create(_root.SubjectName, generator, now.AddSeconds(-30), now + ttl, serial);
        return (certificate, key);
    }

    public void Dispose() => _root.Dispose();
}
