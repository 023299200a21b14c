using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Auth.Jwt;

/// <summary>Claim lookup (plain names or JSON pointers such as <c>/nested/key</c>) and <c>bound_claims</c> matching, as the JWT plugin does.</summary>
internal static class ClaimValues
{
    public static JsonNode? Get(JsonObject claims, string name)
    {
        if (!name.StartsWith('/'))
        {
            return claims[name];
        }

        JsonNode? current = claims;
        foreach (var raw in name[1..].Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < a.Count => a[index],
                _ => null,
            };
        }

        return current;
    }

    /// <summary>Null when every bound claim matches; else the plugin's error.</summary>
    public static string? BoundClaimsError(JsonObject claims, IReadOnlyDictionary<string, IReadOnlyList<string>> bound, bool glob)
    {
        foreach (var (name, expected) in bound)
        {
            var actual = Get(claims, name);
            if (actual is null)
            {
                return $"claim \"{name}\" is missing";
            }

            var values = Normalize(actual);
            if (values is null)
            {
                return $"received claim is not a string or list: {actual.ToJsonString()}";
            }

            if (!expected.Any(e => values.Any(v => glob ? Glob(e, v) : e == v)))
            {
                return $"claim \"{name}\" does not match any associated bound claim values";
            }
        }

        return null;
    }

    /// <summary>A string, number or boolean as one value, a list of them as several; null for anything else.</summary>
    public static List<string>? Normalize(JsonNode node) => node switch
    {
        JsonArray array => array.Select(Scalar).ToList() is var items && items.All(i => i is not null) ? [.. items.Select(i => i!)] : null,
        _ => Scalar(node) is { } one ? [one] : null,
    };

    private static string? Scalar(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    /// <summary><c>*</c> matches any run of characters, anywhere in the pattern.</summary>
    private static bool Glob(string pattern, string value)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return pattern == value;
        }

        if (!value.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = value.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return value.Length - position >= parts[^1].Length && value.EndsWith(parts[^1], StringComparison.Ordinal);
    }
}
