using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SecureLaunch.Core.Deploy;

/// <summary>
/// Public-key encryption for what passes through the cluster's control plane (hand-offs, agent state): ECIES over
/// P-256. An ephemeral key agrees a secret with the recipient's key, HKDF-SHA256 derives an AES-256-GCM key from it,
/// and the purpose (e.g. <c>handoff:web</c>) is authenticated with the data, so a box cannot be replayed as another.
/// </summary>
/// <remarks>
/// Layout: version (1 byte), ephemeral public key length (2 bytes, big-endian), the ephemeral key
/// (SubjectPublicKeyInfo), nonce (12), tag (16), ciphertext.
/// </remarks>
public static class SealedBox
{
    private const byte Version = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("securelaunch sealed box v1");

    /// <summary>Encrypts <paramref name="plaintext"/> so that only the holder of the private key of <paramref name="recipient"/> can read it.</summary>
    /// <param name="recipient">The recipient's public key, as SubjectPublicKeyInfo.</param>
    /// <param name="plaintext">What to seal.</param>
    /// <param name="purpose">What the box is for; <see cref="Open"/> must be given the same.</param>
    public static byte[] Seal(ReadOnlySpan<byte> recipient, ReadOnlySpan<byte> plaintext, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        using var recipientKey = ECDiffieHellman.Create();
        recipientKey.ImportSubjectPublicKeyInfo(recipient, out _);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var ephemeralPublic = ephemeral.ExportSubjectPublicKeyInfo();
        var key = DeriveKey(ephemeral, recipientKey.PublicKey, ephemeralPublic, recipient);
        try
        {
            var box = new byte[1 + 2 + ephemeralPublic.Length + NonceLength + TagLength + plaintext.Length];
            box[0] = Version;
            BinaryPrimitives.WriteUInt16BigEndian(box.AsSpan(1), (ushort)ephemeralPublic.Length);
            ephemeralPublic.CopyTo(box.AsSpan(3));
            var offset = 3 + ephemeralPublic.Length;
            var nonce = box.AsSpan(offset, NonceLength);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(key, TagLength);
            aes.Encrypt(nonce, plaintext, box.AsSpan(offset + NonceLength + TagLength), box.AsSpan(offset + NonceLength, TagLength), Encoding.UTF8.GetBytes(purpose));
            return box;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Decrypts a box sealed to <paramref name="recipient"/> for <paramref name="purpose"/>.</summary>
    /// <exception cref="CryptographicException">Not a box, sealed to another key, for another purpose, or altered.</exception>
    public static byte[] Open(ECDiffieHellman recipient, ReadOnlySpan<byte> box, string purpose)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        if (box.Length < 3 || box[0] != Version)
        {
            throw new CryptographicException("not a SecureLaunch sealed box (unknown version)");
        }

        var keyLength = BinaryPrimitives.ReadUInt16BigEndian(box[1..]);
        if (box.Length < 3 + keyLength + NonceLength + TagLength)
        {
            throw new CryptographicException("sealed box is truncated");
        }

        var ephemeralPublic = box.Slice(3, keyLength);
        using var ephemeral = ECDiffieHellman.Create();
        ephemeral.ImportSubjectPublicKeyInfo(ephemeralPublic, out _);
        var key = DeriveKey(recipient, ephemeral.PublicKey, ephemeralPublic, recipient.ExportSubjectPublicKeyInfo());
        try
        {
            var offset = 3 + keyLength;
            var ciphertext = box[(offset + NonceLength + TagLength)..];
            var plaintext = new byte[ciphertext.Length];
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(box.Slice(offset, NonceLength), ciphertext, box.Slice(offset + NonceLength, TagLength), plaintext, Encoding.UTF8.GetBytes(purpose));
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>HKDF over the raw agreement, salted with both public keys so a key is bound to this exchange.</summary>
    private static byte[] DeriveKey(ECDiffieHellman own, ECDiffieHellmanPublicKey other, ReadOnlySpan<byte> ephemeralPublic, ReadOnlySpan<byte> recipientPublic)
    {
        var shared = own.DeriveRawSecretAgreement(other);
        try
        {
            var salt = new byte[ephemeralPublic.Length + recipientPublic.Length];
            ephemeralPublic.CopyTo(salt);
            recipientPublic.CopyTo(salt.AsSpan(ephemeralPublic.Length));
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, salt, Info);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
        }
    }
}
