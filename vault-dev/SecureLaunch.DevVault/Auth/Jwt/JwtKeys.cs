using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureLaunch.DevVault.Auth.Jwt;

/// <summary>PEM public keys (PKIX or certificates) and signature checks for the RS*, PS* and ES* algorithms.</summary>
internal static class JwtKeys
{
    /// <summary>The algorithms a JWT role accepts when the config names none (cap's list; EdDSA keys are not supported here).</summary>
    public static readonly string[] AllAlgorithms = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"];

    /// <summary>Parses one PEM; the error reads as Vault's.</summary>
    public static (AsymmetricAlgorithm? Key, string? Error) Parse(string pem)
    {
        try
        {
            var fields = PemEncoding.Find(pem);
            var label = pem[fields.Label];
            var der = Convert.FromBase64String(pem[fields.Base64Data]);
            if (label == "CERTIFICATE")
            {
                using var certificate = X509CertificateLoader.LoadCertificate(der);
                return ((AsymmetricAlgorithm?)certificate.GetRSAPublicKey() ?? certificate.GetECDsaPublicKey(), null);
            }

            var key = PublicKey.CreateFromSubjectPublicKeyInfo(der, out _);
            return ((AsymmetricAlgorithm?)key.GetRSAPublicKey() ?? key.GetECDsaPublicKey()
                ?? throw new CryptographicException("unsupported public key type"), null);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException or FormatException)
        {
            return (null, "error parsing public key: " + ex.Message);
        }
    }

    /// <summary>True when one of the keys verifies the token's signature under the algorithm its header names.</summary>
    public static bool Verify(JwtToken token, IEnumerable<AsymmetricAlgorithm> keys) => keys.Any(key => Verify(token, key));

    private static bool Verify(JwtToken token, AsymmetricAlgorithm key)
    {
        if (token.Signature.Length == 0 || token.Algorithm.Length != 5)
        {
            return false;
        }

        var hash = token.Algorithm[2..] switch
        {
            "256" => HashAlgorithmName.SHA256,
            "384" => HashAlgorithmName.SHA384,
            "512" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash == default)
        {
            return false;
        }

        try
        {
            return (token.Algorithm[..2], key) switch
            {
                ("RS", RSA rsa) => rsa.VerifyData(token.SigningInput, token.Signature, hash, RSASignaturePadding.Pkcs1),
                ("PS", RSA rsa) => rsa.VerifyData(token.SigningInput, token.Signature, hash, RSASignaturePadding.Pss),
                ("ES", ECDsa ec) => ec.VerifyData(token.SigningInput, token.Signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                _ => false,
            };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
