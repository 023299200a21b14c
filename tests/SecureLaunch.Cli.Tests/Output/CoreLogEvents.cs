using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Launching;

namespace SecureLaunch.Cli.Tests.Output;

/// <summary>Core's <c>[LoggerMessage]</c> methods, read by reflection, as the JSON events they become.</summary>
internal static class CoreLogEvents
{
    public sealed record Event(string Name, string Level, string Template, IReadOnlyList<(string Name, JsonObject Schema)> Fields);

    public static IReadOnlyList<Event> All()
    {
        var log = typeof(LaunchContext).Assembly.GetType("SecureLaunch.Core.Diagnostics.Log", throwOnError: true)!;
        var nullability = new NullabilityInfoContext();
        return [.. log.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .Select(m => new Event(
                EventNames.SnakeCase(m.Attribute!.EventName ?? m.Method.Name),
                Level(m.Attribute.Level),
                m.Attribute.Message,
                [.. m.Method.GetParameters()
                    .Where(p => p.ParameterType != typeof(ILogger))
                    .Select(p => (p.Name!, TypeSchema(p.ParameterType, nullability.Create(p).ReadState == NullabilityState.Nullable)))]))
            .OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    /// <summary>The schema definition a log event must have (descriptions aside).</summary>
    public static JsonObject Definition(Event e)
    {
        var properties = new JsonObject
        {
            ["event"] = new JsonObject { ["const"] = e.Name },
            ["level"] = new JsonObject { ["const"] = e.Level },
        };
        foreach (var (name, schema) in e.Fields)
        {
            properties[name] = schema.DeepClone();
        }

        return new JsonObject
        {
            ["description"] = e.Template,
            ["$ref"] = "#/$defs/logEvent",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. e.Fields.Select(f => (JsonNode)JsonValue.Create(f.Name))]),
            ["unevaluatedProperties"] = false,
        };
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => level.ToString().ToLowerInvariant(),
    };

    /// <summary>How <see cref="LogFields"/> writes a value of <paramref name="type"/>.</summary>
    private static JsonObject TypeSchema(Type type, bool nullable)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        nullable |= underlying is not null;
        type = underlying ?? type;
        if (type.IsEnum)
        {
            var values = new JsonArray([.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(EventNames.SnakeCase(n)))]);
            if (nullable)
            {
                values.Add(null);
            }

            return new JsonObject { ["enum"] = values };
        }

        var (json, format) = type == typeof(int) || type == typeof(long) ? ("integer", null)
            : type == typeof(TimeSpan) || type == typeof(double) ? ("number", null)
            : type == typeof(bool) ? ("boolean", null)
            : type == typeof(DateTimeOffset) ? ("string", "date-time")
            : ("string", (string?)null);
        var schema = new JsonObject { ["type"] = nullable ? new JsonArray(json, "null") : json };
        if (format is not null)
        {
            schema["format"] = format;
        }

        return schema;
    }
}
