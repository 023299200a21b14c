using System.Text;

namespace SecureLaunch.Core.Diagnostics;

/// <summary>
/// The set of secret values to hide in container output, as UTF-8 bytes, longest first. Values shorter
/// than <see cref="MinimumLength"/> characters are not masked: masking "1" or "yes" would garble every line.
/// </summary>
public sealed class SecretMask
{
    public const int MinimumLength = 4;

    /// <summary>What a masked value is replaced with.</summary>
    public static ReadOnlyMemory<byte> Replacement { get; } = "*****"u8.ToArray();

    private readonly object _gate = new();
    private volatile byte[][] _values = [];

    /// <summary>The values, longest first (so a value containing another is masked whole).</summary>
    public IReadOnlyList<byte[]> Values => _values;

    /// <summary>Replaces the mask set (on launch and on rotation).</summary>
    public void Set(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var encoded = Encode(values);
        lock (_gate)
        {
            _values = encoded;
        }
    }

    /// <summary>
    /// Adds values to the mask and keeps the ones it has: on rotation the new values are added before any container can
    /// see them, and the old ones stay masked (a container may still print them, and they may still work until revoked).
    /// </summary>
    public void Add(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var added = Encode(values);
        lock (_gate)
        {
            _values = [.. _values.Concat(added).Distinct(BytesComparer.Instance).OrderByDescending(v => v.Length)];
        }
    }

    private static byte[][] Encode(IEnumerable<string> values) => [.. values
        .Where(v => v.Length >= MinimumLength)
        .Distinct(StringComparer.Ordinal)
        .Select(v => Encoding.UTF8.GetBytes(v))
        .OrderByDescending(v => v.Length)];

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public static BytesComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }
}
