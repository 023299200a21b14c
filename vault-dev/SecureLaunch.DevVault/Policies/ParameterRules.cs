using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Policies;

/// <summary>
/// <c>required_parameters</c>, <c>denied_parameters</c> and <c>allowed_parameters</c> of a rule, applied to a
/// request's parameters the way Vault does: values match exactly or by a leading/trailing <c>*</c> glob; a list
/// (or comma-separated string) must have every element allowed and no element denied.
/// </summary>
internal static class ParameterRules
{
    public static bool Allow(PathPermissions permissions, JsonObject data)
    {
        if (permissions.RequiredParameters.Any(p => !data.Any(d => d.Key == p.ToLowerInvariant())))
        {
            return false;
        }

        if (data.Count == 0)
        {
            return true;
        }

        if (permissions.DeniedParameters is { Count: > 0 } denied)
        {
            if (denied.ContainsKey("*"))
            {
                return false;
            }

            foreach (var (key, value) in data)
            {
                if (denied.TryGetValue(key.ToLowerInvariant(), out var list) && (list.Count == 0 || Elements(value).Any(v => InList(v, list))))
                {
                    return false;
                }
            }
        }

        if (permissions.AllowedParameters is not { Count: > 0 } allowed)
        {
            return true;
        }

        var allowAll = allowed.ContainsKey("*");
        if (allowed.Count == 1 && allowAll)
        {
            return true;
        }

        foreach (var (key, value) in data)
        {
            if (!allowed.TryGetValue(key.ToLowerInvariant(), out var list))
            {
                if (!allowAll)
                {
                    return false;
                }

                continue;
            }

            if (list.Count > 0 && !InList(value, list) && !Elements(value).All(v => InList(v, list)))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<JsonNode?> Elements(JsonNode? value) => value switch
    {
        JsonArray array => array,
        JsonValue v when v.GetValueKind() == JsonValueKind.String =>
            v.GetValue<string>().Split(',', StringSplitOptions.TrimEntries).Select(s => (JsonNode?)JsonValue.Create(s)),
        _ => [value],
    };

    private static bool InList(JsonNode? value, List<JsonNode?> list) => list.Any(item => Matches(item, value));

    private static bool Matches(JsonNode? item, JsonNode? value)
    {
        if (item is null || value is null)
        {
            return item is null && value is null;
        }

        if (item is JsonValue pattern && pattern.GetValueKind() == JsonValueKind.String)
        {
            return value is JsonValue v && v.GetValueKind() == JsonValueKind.String && Glob(pattern.GetValue<string>(), v.GetValue<string>());
        }

        return JsonNode.DeepEquals(item, value);
    }

    private static bool Glob(string pattern, string value)
    {
        if (pattern.Length < 2)
        {
            return pattern == value;
        }

        return (pattern[0] == '*', pattern[^1] == '*') switch
        {
            (true, true) => value.Contains(pattern[1..^1], StringComparison.Ordinal),
            (true, false) => value.EndsWith(pattern[1..], StringComparison.Ordinal),
            (false, true) => value.StartsWith(pattern[..^1], StringComparison.Ordinal),
            _ => value == pattern,
        };
    }
}
