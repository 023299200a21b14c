using System.Security.Cryptography;
using System.Text.Json;

namespace SecureLaunch.Core.Rotation;

/// <summary>
/// Tells whether a secret's content changed without keeping a second copy of it: HMAC-SHA256, under a key made for this
/// launch and never stored, of the canonical JSON of its fields (properties sorted, at every depth). A keyed hash rather
/// than a bare SHA-256 so that a hash that ever leaked (a log, a dump) cannot be checked against guesses of a short value.
/// Hashes are compared in constant time, and neither they nor the values are ever logged.
/// </summary>
public sealed class ContentHasher
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The keyed hash of <paramref name="data"/>; equal content, whatever the field order, gives an equal hash.</summary>
    public byte[] Hash(IReadOnlyDictionary<string, JsonElement> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in data.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                WriteCanonical(writer, value);
            }

            writer.WriteEndObject();
        }

        var bytes = buffer.GetBuffer();
        try
        {
            return HMACSHA256.HashData(_key, bytes.AsSpan(0, (int)buffer.Length));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Whether two hashes are equal, in constant time.</summary>
    public static bool Same(byte[] a, byte[] b) => CryptographicOperations.FixedTimeEquals(a, b);

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
