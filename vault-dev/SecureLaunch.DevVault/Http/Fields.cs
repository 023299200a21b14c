using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.Http;

/// <summary>Reads request parameters with Vault's lenient typing: numbers may come as strings, lists as comma-separated strings.</summary>
internal static class Fields
{
    public static string? String(JsonObject data, string name) => data[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonNode n => n.ToJsonString(),
    };

    public static bool TryInt(JsonObject data, string name, out long value, out VaultError? error)
    {
        value = 0;
        error = null;
        var node = data[name];
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue v && (v.GetValueKind() == JsonValueKind.Number ? v.TryGetValue(out value) : long.TryParse(v.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)))
        {
            return true;
        }

        error = ConversionError(node, name);
        return false;
    }

    public static bool TryBool(JsonObject data, string name, bool fallback, out bool value, out VaultError? error)
    {
        value = fallback;
        error = null;
        var node = data[name];
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue v && (v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.TryGetValue(out value)
            : GoBool.TryParse(v.ToString(), out value)))
        {
            return true;
        }

        error = ConversionError(node, name);
        return false;
    }

    /// <summary>A duration given as seconds (number or numeric string) or a Go duration string.</summary>
    public static bool TryDuration(JsonObject data, string name, out TimeSpan value, out VaultError? error)
    {
        value = TimeSpan.Zero;
        error = null;
        var node = data[name];
        if (node is null || (node is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>().Length == 0))
        {
            return true;
        }

        if (node is JsonValue v && GoDuration.TryParse(v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString(), out value) && value >= TimeSpan.Zero)
        {
            return true;
        }

        error = ConversionError(node, name);
        return false;
    }

    /// <summary>A list of strings from a JSON array or a comma-separated string; null when absent.</summary>
    public static List<string>? StringList(JsonObject data, string name) => data[name] switch
    {
        null => null,
        JsonArray a => [.. a.Select(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : n?.ToJsonString() ?? string.Empty)],
        JsonNode n => [.. (String(data, name) ?? n.ToJsonString()).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
    };

    /// <summary>A map of string to string; values that are not strings keep their JSON text.</summary>
    public static Dictionary<string, string>? StringMap(JsonObject data, string name)
    {
        if (data[name] is not JsonObject map)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            result[key] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? string.Empty;
        }

        return result;
    }

    private static VaultError ConversionError(JsonNode node, string name)
    {
        var raw = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();
        return VaultError.BadRequest($"error converting input {raw} for field \"{name}\"");
    }
}
