using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Internal;

/// <summary>Lossless JSON for snapshots: times and durations as ticks, string lists and maps.</summary>
internal static class JsonState
{
    public static long Ticks(DateTimeOffset time) => time.UtcTicks;

    public static long? Ticks(DateTimeOffset? time) => time?.UtcTicks;

    public static DateTimeOffset Time(JsonNode? node) => new(node!.GetValue<long>(), TimeSpan.Zero);

    public static DateTimeOffset? OptionalTime(JsonNode? node) => node is null ? null : Time(node);

    public static TimeSpan Span(JsonNode? node) => node is null ? TimeSpan.Zero : TimeSpan.FromTicks(node.GetValue<long>());

    public static string Text(JsonNode? node) => node?.GetValue<string>() ?? string.Empty;

    public static List<string> Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : [];

    public static JsonArray Array(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    public static JsonObject Map(IReadOnlyDictionary<string, string>? values)
    {
        var result = new JsonObject();
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            result[key] = value;
        }

        return result;
    }

    public static Dictionary<string, string> Map(JsonNode? node) =>
        node is JsonObject map ? map.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal);
}
