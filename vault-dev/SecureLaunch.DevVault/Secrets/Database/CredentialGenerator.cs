using System.Security.Cryptography;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.Secrets.Database;

/// <summary>Usernames and passwords shaped like Vault's database plugins make them.</summary>
internal static class CredentialGenerator
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    /// <summary><c>v-{display name, 8}-{role, 8}-{20 random}-{unix seconds}</c>, at most 63 characters (PostgreSQL's limit).</summary>
    public static string Username(string displayName, string role, DateTimeOffset now)
    {
        var name = $"v-{Truncate(displayName, 8)}-{Truncate(role, 8)}-{RandomIds.Base62String(20)}-{now.ToUnixTimeSeconds()}";
        return name.Length > 63 ? name[..63] : name;
    }

    /// <summary>Vault's default password policy: 20 characters with at least one upper, lower, digit and dash.</summary>
    public static string Password()
    {
        var chars = new char[20];
        chars[0] = RandomNumberGenerator.GetItems<char>(Upper, 1)[0];
        chars[1] = RandomNumberGenerator.GetItems<char>(Lower, 1)[0];
        chars[2] = RandomNumberGenerator.GetItems<char>(Digits, 1)[0];
        chars[3] = '-';
        RandomNumberGenerator.GetItems<char>(Upper + Lower + Digits, 16).CopyTo(chars, 4);
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;
}
