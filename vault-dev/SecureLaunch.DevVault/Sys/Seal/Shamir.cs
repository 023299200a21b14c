using System.Security.Cryptography;

namespace SecureLaunch.DevVault.Sys.Seal;

/// <summary>
/// Shamir's secret sharing over GF(2^8) (the AES field, x^8+x^4+x^3+x+1), as Vault's <c>shamir</c> package does it:
/// each share is the polynomial values for every secret byte followed by the share's x coordinate.
/// </summary>
internal static class Shamir
{
    private static readonly byte[] Exp = new byte[510];
    private static readonly byte[] Log = new byte[256];

#pragma warning disable CA1810 // The tables are computed once; a static constructor says so more plainly than an initializer chain.
    static Shamir()
#pragma warning restore CA1810
    {
        byte value = 1;
        for (var i = 0; i < 255; i++)
        {
            Exp[i] = value;
            Exp[i + 255] = value;
            Log[value] = (byte)i;
            value = MultiplyNoTable(value, 3);
        }
    }

    /// <summary>Splits <paramref name="secret"/> into <paramref name="parts"/> shares, any <paramref name="threshold"/> of which rebuild it.</summary>
    public static List<byte[]> Split(byte[] secret, int parts, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parts, 255);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, threshold);
        var xs = Enumerable.Range(1, 255).Select(x => (byte)x).ToArray();
        RandomNumberGenerator.Shuffle(xs.AsSpan());
        var shares = Enumerable.Range(0, parts).Select(i => { var share = new byte[secret.Length + 1]; share[^1] = xs[i]; return share; }).ToList();
        var coefficients = new byte[threshold];
        for (var b = 0; b < secret.Length; b++)
        {
            coefficients[0] = secret[b];
            RandomNumberGenerator.Fill(coefficients.AsSpan(1));
            foreach (var share in shares)
            {
                share[b] = Evaluate(coefficients, share[^1]);
            }
        }

        CryptographicOperations.ZeroMemory(coefficients);
        return shares;
    }

    /// <summary>Rebuilds the secret from shares; wrong shares give a wrong secret, which the keyring check then catches.</summary>
    /// <exception cref="ArgumentException">Fewer than two shares, shares of different lengths, or a repeated x coordinate.</exception>
    public static byte[] Combine(IReadOnlyList<byte[]> shares)
    {
        if (shares.Count < 2 || shares.Any(s => s.Length != shares[0].Length || s.Length < 2))
        {
            throw new ArgumentException("all parts must be the same length and at least two are needed", nameof(shares));
        }

        var xs = shares.Select(s => s[^1]).ToArray();
        if (xs.Distinct().Count() != xs.Length)
        {
            throw new ArgumentException("duplicate part detected", nameof(shares));
        }

        var secret = new byte[shares[0].Length - 1];
        for (var b = 0; b < secret.Length; b++)
        {
            byte value = 0;
            for (var i = 0; i < shares.Count; i++)
            {
                // Lagrange basis at x = 0: the product of x_j / (x_j - x_i); subtraction is XOR in GF(2^8).
                byte basis = 1;
                for (var j = 0; j < shares.Count; j++)
                {
                    if (i != j)
                    {
                        basis = Multiply(basis, Divide(xs[j], (byte)(xs[j] ^ xs[i])));
                    }
                }

                value ^= Multiply(shares[i][b], basis);
            }

            secret[b] = value;
        }

        return secret;
    }

    private static byte Evaluate(byte[] coefficients, byte x)
    {
        // Horner's rule from the highest coefficient down.
        byte result = 0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            result = (byte)(Multiply(result, x) ^ coefficients[i]);
        }

        return result;
    }

    private static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];

    private static byte Divide(byte a, byte b) => a == 0 ? (byte)0 : Exp[Log[a] + 255 - Log[b]];

    private static byte MultiplyNoTable(byte a, byte b)
    {
        byte product = 0;
        while (b != 0)
        {
            if ((b & 1) != 0)
            {
                product ^= a;
            }

            var carry = (a & 0x80) != 0;
            a <<= 1;
            if (carry)
            {
                a ^= 0x1b;
            }

            b >>= 1;
        }

        return product;
    }
}
