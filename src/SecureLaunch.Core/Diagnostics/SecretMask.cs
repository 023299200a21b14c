using System.Text;

namespace SecureLaunch.Core.Diagnostics;

/// <summary>
/// The set of secret values to hide in container output, as UTF-8 bytes, longest first. Values shorter
/// than <see cref="MinimumLength"/> characters are not masked: masking "1" or "yes" would garble every line.
/// Each line of a multi-line value (a PEM key) is masked on its own too, so it is hidden however the lines
/// end up printed (one at a time, or with CRLF through a terminal).
/// </summary>
/// <remarks>Thread-safe: a <see cref="MaskingStream"/> sees a change from its next write on.</remarks>
public sealed class SecretMask
{
    public const int MinimumLength = 4;

    private readonly Lock _gate = new();
    private volatile string[] _texts = [];
    private volatile byte[][] _values = [];

    /// <summary>What a masked value is replaced with.</summary>
    public static ReadOnlyMemory<byte> Replacement { get; } = "*****"u8.ToArray();

    /// <summary>The values, longest first (so a value containing another is masked whole).</summary>
    public IReadOnlyList<byte[]> Values => _values;

    /// <summary>Replaces the mask set: on launch, and after a rotation once the old credentials are revoked.</summary>
    public void Set(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (_gate)
        {
            Publish(values);
        }
    }

    /// <summary>
    /// Adds values and keeps the current ones: on rotation, a container may still print the credential it had
    /// until it is restarted or signalled, so the old value stays masked along with the new one.
    /// </summary>
    public void Add(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (_gate)
        {
            Publish(_texts.Concat(values));
        }
    }

    private void Publish(IEnumerable<string> values)
    {
        string[] texts = [.. values
            .SelectMany(WithLines)
            .Where(v => v.Length >= MinimumLength)
            .Distinct(StringComparer.Ordinal)];
        _values = [.. texts.Select(v => Encoding.UTF8.GetBytes(v)).OrderByDescending(v => v.Length)];
        _texts = texts;
    }

    private static IEnumerable<string> WithLines(string value)
    {
        yield return value;
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            foreach (var line in value.Split('\n'))
            {
                yield return line.TrimEnd('\r');
            }
        }
    }
}
