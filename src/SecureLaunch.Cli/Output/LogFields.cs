using System.Globalization;
using System.Text.Json;

namespace SecureLaunch.Cli.Output;

/// <summary>
/// The structured state of a <c>[LoggerMessage]</c> event as JSON fields: each template placeholder a field in
/// camelCase, numbers as numbers, durations in seconds, times in ISO-8601 UTC, enums in snake_case, the rest as
/// text. The template itself (<c>{OriginalFormat}</c>) is left out.
/// </summary>
internal static class LogFields
{
    private const string TemplateKey = "{OriginalFormat}";

    /// <summary>Names every event already has; a placeholder with one of them is left out (its value is in the message).</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "event", "time", "level", "message" };

    /// <summary>The placeholders and their values, template excluded; empty for state that has none.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Of<TState>(TState state) =>
        state is IReadOnlyList<KeyValuePair<string, object?>> pairs
            ? pairs.Where(p => p.Key != TemplateKey)
            : [];

    public static void Write(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> fields)
    {
        foreach (var (key, value) in fields)
        {
            var name = EventNames.CamelCase(key);
            if (!Reserved.Contains(name))
            {
                json.WritePropertyName(name);
                WriteValue(json, value);
            }
        }
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or uint or ushort or sbyte:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong large:
                json.WriteNumberValue(large);
                break;
            case double or float or decimal:
                json.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case TimeSpan duration:
                json.WriteNumberValue(duration.TotalSeconds);
                break;
            case DateTimeOffset time:
                json.WriteStringValue(JsonEventWriter.FormatTime(time));
                break;
            case DateTime time:
                json.WriteStringValue(JsonEventWriter.FormatTime(new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero)));
                break;
            case Enum choice:
                json.WriteStringValue(EventNames.SnakeCase(choice.ToString()));
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
