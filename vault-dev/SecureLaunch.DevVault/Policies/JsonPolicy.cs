using System.Text.Json;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Policies.Hcl;

namespace SecureLaunch.DevVault.Policies;

/// <summary>
/// Policies may be written as JSON (<c>{"path": {"secret/*": {"capabilities": ["read"]}}}</c>), which HCL reads
/// natively; this maps that shape onto the same HCL tree.
/// </summary>
internal static class JsonPolicy
{
    /// <summary>The HCL tree of a JSON policy, or null when the text is not a JSON object.</summary>
    public static HclObject? TryParse(string raw)
    {
        if (!raw.TrimStart().StartsWith('{'))
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return null;
        }

        if (node is not JsonObject root)
        {
            return null;
        }

        var items = new List<HclItem>();
        foreach (var (key, value) in root)
        {
            if (key == "path" && value is JsonObject paths)
            {
                items.AddRange(paths.Select(p => new HclItem("path", [p.Key], Value(p.Value), 1, 1)));
            }
            else
            {
                items.Add(new HclItem(key, [], Value(value), 1, 1));
            }
        }

        return new HclObject(items, 1, 1);
    }

    private static HclValue Value(JsonNode? node) => node switch
    {
        JsonObject o => new HclObject([.. o.Select(p => new HclItem(p.Key, [], Value(p.Value), 1, 1))], 1, 1),
        JsonArray a => new HclList([.. a.Select(Value)], 1, 1),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => new HclString(v.GetValue<string>(), 1, 1),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => new HclBool(v.GetValue<bool>(), 1, 1),
        JsonValue v => new HclNumber(v.ToJsonString(), 1, 1),
        _ => new HclString(string.Empty, 1, 1),
    };
}
