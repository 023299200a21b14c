using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Auth.Jwt;

/// <summary>A JWS in compact form (<c>header.payload.signature</c>), decoded but not yet verified.</summary>
internal sealed record JwtToken(string Algorithm, JsonObject Claims, byte[] SigningInput, byte[] Signature)
{
    private const string Malformed = "go-jose/go-jose: compact JWS format must have three parts";

    /// <summary>The token, or go-jose's error for a malformed one.</summary>
    public static (JwtToken? Token, string? Error) Parse(string compact)
    {
        var parts = compact.Split('.');
        if (parts.Length != 3)
        {
            return (null, Malformed);
        }

        var header = DecodeObject(parts[0]);
        var claims = DecodeObject(parts[1]);
        var signature = Decode(parts[2]);
        if (header is null || claims is null || signature is null)
        {
            return (null, "go-jose/go-jose: invalid JWS: malformed base64url or JSON");
        }

        var algorithm = header["alg"] is JsonValue alg && alg.GetValueKind() == JsonValueKind.String ? alg.GetValue<string>() : string.Empty;
        return (new JwtToken(algorithm, claims, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature), null);
    }

    /// <summary>A NumericDate claim in whole seconds (Go truncates fractions); 0 when absent.</summary>
    public long Seconds(string name) => Claims[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out double seconds)
        ? (long)seconds
        : 0;

    /// <summary>The <c>aud</c> claim: one string or a list.</summary>
    public IReadOnlyList<string> Audiences => Claims["aud"] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        JsonArray a => [.. a.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())],
        _ => [],
    };

    public string? StringClaim(string name) =>
        Claims[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static JsonObject? DecodeObject(string part)
    {
        var bytes = Decode(part);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? Decode(string part)
    {
        try
        {
            return Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
