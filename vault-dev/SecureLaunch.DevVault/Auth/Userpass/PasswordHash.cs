using System.Security.Cryptography;
using System.Text;

namespace SecureLaunch.DevVault.Auth.Userpass;

/// <summary>A salted PBKDF2 hash: passwords are never kept (nor persisted) in the clear, and compared in constant time.</summary>
internal sealed record PasswordHash(byte[] Salt, byte[] Hash)
{
    private const int Iterations = 10_000;

    public static PasswordHash Of(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return new PasswordHash(salt, Derive(password, salt));
    }

    public bool Matches(string password) => CryptographicOperations.FixedTimeEquals(Derive(password, Salt), Hash);

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
}
