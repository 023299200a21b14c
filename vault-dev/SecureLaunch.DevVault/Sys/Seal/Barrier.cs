using System.Security.Cryptography;

namespace SecureLaunch.DevVault.Sys.Seal;

/// <summary>AES-256-GCM sealing of a blob: <c>nonce (12) | tag (16) | ciphertext</c>, with a label as associated data.</summary>
internal static class Barrier
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Encrypt(byte[] key, byte[] plaintext, string label)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), System.Text.Encoding.ASCII.GetBytes(label));
        return output;
    }

    /// <summary>The plaintext, or null when the key is wrong or the blob was tampered with.</summary>
    public static byte[]? Decrypt(byte[] key, byte[] sealedBlob, string label)
    {
        if (key.Length != 32 || sealedBlob.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plaintext = new byte[sealedBlob.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBlob.AsSpan(0, NonceSize), sealedBlob.AsSpan(NonceSize + TagSize), sealedBlob.AsSpan(NonceSize, TagSize), plaintext, System.Text.Encoding.ASCII.GetBytes(label));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
