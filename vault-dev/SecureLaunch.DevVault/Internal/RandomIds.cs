using System.Security.Cryptography;

namespace SecureLaunch.DevVault.Internal;

/// <summary>Random identifiers shaped like Vault's: base62 tokens, accessors, lease suffixes and UUIDs.</summary>
internal static class RandomIds
{
    private const string Base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Base62String(int length) => RandomNumberGenerator.GetString(Base62, length);

    /// <summary>A service token as Vault 1.10+ issues them in the root namespace.</summary>
    public static string ServiceToken() => "hvs." + Base62String(24);

    public static string Uuid() => Guid.NewGuid().ToString("D");

    /// <summary>8 hex digits, as in mount accessors (<c>kv_aedd93c1</c>) and cluster names.</summary>
    public static string ShortHex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}
