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

    private volatile byte[][] _values = [];

    /// <summary>The values, longest first (so a value containing another is masked whole).</summary>
    public IReadOnlyList<byte[]> Values => _values;

    /// <summary>Replaces the mask set (on launch and on rotation).</summary>
    public void Set(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = [.. values
            .Where(v => v.Length >= MinimumLength)
            .Distinct(StringComparer.Ordinal)
            .Select(v => Encoding.UTF8.GetBytes(v))
            .OrderByDescending(v => v.Length)];
    }
}
