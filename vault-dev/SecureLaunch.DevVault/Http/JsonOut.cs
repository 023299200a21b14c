using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Http;

/// <summary>Small builders for response JSON.</summary>
internal static class JsonOut
{
    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    public static JsonObject? StringMap(IReadOnlyDictionary<string, string>? values)
    {
        if (values is null)
        {
            return null;
        }

        var map = new JsonObject();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            map[key] = value;
        }

        return map;
    }

    /// <summary>The data of a LIST answer: <c>{"keys":[...]}</c>.</summary>
    public static JsonObject Keys(IEnumerable<string> keys) => new() { ["keys"] = Strings(keys) };
}
