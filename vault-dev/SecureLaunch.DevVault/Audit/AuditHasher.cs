using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Audit;

/// <summary>
/// Vault's audit hashing: every string becomes <c>hmac-sha256:&lt;hex&gt;</c> under a salt; numbers, booleans and keys
/// stay as they are. The salt is random per server and never leaves memory, so a hash cannot be reversed, only
/// recomputed by <see cref="DevVaultServer.AuditHash"/>.
/// </summary>
internal sealed class AuditHasher : IDisposable
{
    private readonly HMACSHA256 _hmac = new(RandomNumberGenerator.GetBytes(32));
    private readonly Lock _sync = new();

    public string Hash(string value)
    {
        lock (_sync)
        {
            return "hmac-sha256:" + Convert.ToHexStringLower(_hmac.ComputeHash(Encoding.UTF8.GetBytes(value)));
        }
    }

    /// <summary>A deep copy of <paramref name="node"/> with every string value hashed (Vault's <c>HashStructure</c>).</summary>
    public JsonNode? HashStructure(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, HashStructure(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(HashStructure)]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(Hash(value.GetValue<string>())),
        _ => node.DeepClone(),
    };

    /// <summary>Hashes the named string fields of a copy of <paramref name="source"/>; the rest is kept (policies, TTLs, paths).</summary>
    public JsonObject HashFields(JsonObject source, params string[] fields)
    {
        var copy = (JsonObject)source.DeepClone();
        foreach (var field in fields)
        {
            if (copy[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > 0)
            {
                copy[field] = Hash(value.GetValue<string>());
            }
        }

        return copy;
    }

    public void Dispose() => _hmac.Dispose();
}
