using System.Security.Cryptography;

namespace SecureLaunch.Core.Deploy;

/// <summary>
/// The agent's P-256 key pair. Hand-offs are sealed to its public key (published as a Swarm config) and the agent
/// seals its own state to it; the private key exists only in a Swarm secret mounted into the agent's tasks.
/// </summary>
public sealed class AgentKey : IDisposable
{
    private readonly ECDiffieHellman _key;

    private AgentKey(ECDiffieHellman key)
    {
        _key = key;
        PublicKey = key.ExportSubjectPublicKeyInfo();
        Fingerprint = FingerprintOf(PublicKey);
    }

    /// <summary>The public key as SubjectPublicKeyInfo (DER).</summary>
    public byte[] PublicKey { get; }

    /// <summary>The first 16 hex digits of the public key's SHA-256: names the key's secret and config.</summary>
    public string Fingerprint { get; }

    public static AgentKey Generate() => new(ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Reads a private key as <see cref="ExportPrivateKeyPem"/> wrote it (PKCS#8 PEM).</summary>
    /// <exception cref="CryptographicException">Not a P-256 private key.</exception>
    /// <exception cref="ArgumentException">No PEM private key in the text.</exception>
    public static AgentKey ImportPem(string pem)
    {
        var key = ECDiffieHellman.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256)
            {
                throw new CryptographicException($"the agent key must be a P-256 key, not {key.KeySize} bits");
            }

            return new AgentKey(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The private key as PKCS#8 PEM, for the Swarm secret only; never log or write it elsewhere.</summary>
    public string ExportPrivateKeyPem() => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>Seals <paramref name="plaintext"/> to this key (the agent's own state).</summary>
    public byte[] Seal(ReadOnlySpan<byte> plaintext, string purpose) => SealedBox.Seal(PublicKey, plaintext, purpose);

    /// <summary>Opens a box sealed to this key.</summary>
    /// <exception cref="CryptographicException">Sealed to another key, for another purpose, or altered.</exception>
    public byte[] Open(ReadOnlySpan<byte> box, string purpose) => SealedBox.Open(_key, box, purpose);

    /// <summary>The fingerprint of a public key (SubjectPublicKeyInfo).</summary>
    public static string FingerprintOf(ReadOnlySpan<byte> publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey))[..16];

    public void Dispose() => _key.Dispose();
}
