using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureLaunch.TestKit;
using Shouldly;

namespace SecureLaunch.Cli.Tests.Output;

/// <summary>
/// docs/json-events.schema.json documents every log event of the launch with exactly the fields the code writes.
/// A new or changed <c>[LoggerMessage]</c> in Core fails here; run with <c>SECURELAUNCH_UPDATE_GOLDEN=1</c> to
/// rewrite its definition in the schema (the template becomes its description), then review the diff and
/// docs/json-events.md.
/// </summary>
public sealed class JsonEventSchemaTests
{
    [Fact]
    public async Task Every_log_event_of_the_launch_is_documented_with_exactly_its_fields()
    {
        var schema = JsonEventSchema.Load();
        var document = schema.Document;
        var definitions = document["$defs"]!.AsObject();
        var events = CoreLogEvents.All();
        if (CliRunner.UpdateGolden)
        {
            Rewrite(definitions, events);
            await File.WriteAllTextAsync(schema.Path, document.ToJsonString(Written) + "\n", TestContext.Current.CancellationToken);
        }

        var problems = new List<string>();
        foreach (var e in events)
        {
            var expected = CoreLogEvents.Definition(e);
            if (!definitions.TryGetPropertyValue(e.Name, out var actual) || actual is null)
            {
                problems.Add($"$defs.{e.Name} is missing; expected {expected.ToJsonString()}");
            }
            else if (!JsonNode.DeepEquals(WithoutDescriptions(actual), WithoutDescriptions(expected)))
            {
                problems.Add($"$defs.{e.Name} is {WithoutDescriptions(actual).ToJsonString()}; expected {WithoutDescriptions(expected).ToJsonString()}");
            }
        }

        var dispatched = definitions["logEvents"]!["allOf"]!.AsArray().Select(c => (string)c!["if"]!["properties"]!["event"]!["const"]!);
        dispatched.ShouldBe(events.Select(e => e.Name), "$defs.logEvents.allOf must pick each log event's definition");
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_schema_accepts_a_log_event_and_refuses_one_with_a_field_it_does_not_document()
    {
        var schema = JsonEventSchema.Load();
        const string Leased = """{"event":"secret_leased","time":"2026-11-29T12:24:18.467Z","level":"info","message":"m","name":"db","fetched":1,"total":2,"path":"database/creds/app","leaseId":"database/creds/app/v9GmdP…","seconds":30,"renewability":"renewable"}""";

        schema.Check(Leased).ShouldBeEmpty();
        schema.Check(Leased.Replace("\"seconds\":30", "\"seconds\":30,\"password\":\"x\"", StringComparison.Ordinal)).ShouldNotBeEmpty();
        schema.Check(Leased.Replace("\"fetched\":1,", string.Empty, StringComparison.Ordinal)).ShouldNotBeEmpty();
        schema.Check(Leased.Replace("12:24:18.467Z", "12:24:18.467+02:00", StringComparison.Ordinal)).ShouldNotBeEmpty();
    }

    [Fact]
    public void The_schema_takes_an_event_it_does_not_know_when_it_looks_like_a_log_event()
    {
        var schema = JsonEventSchema.Load();

        schema.Check("""{"event":"vault.circuit_closed","time":"2026-11-29T12:24:18.467Z","level":"info","message":"m","address":"x"}""").ShouldBeEmpty();
        schema.Check("""{"event":"vault.circuit_closed","time":"2026-11-29T12:24:18.467Z"}""").ShouldNotBeEmpty();
    }

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static void Rewrite(JsonObject definitions, IReadOnlyList<CoreLogEvents.Event> events)
    {
        var logEvents = definitions["logEvents"]!.AsObject();
        logEvents.Remove("allOf");
        var names = events.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in definitions.Where(d => d.Value?["unevaluatedProperties"] is not null && d.Value["$ref"]?.GetValue<string>() == "#/$defs/logEvent" && !names.Contains(d.Key)).Select(d => d.Key).ToList())
        {
            definitions.Remove(stale);
        }

        foreach (var e in events)
        {
            var definition = CoreLogEvents.Definition(e);
            if (definitions[e.Name]?["description"] is JsonValue kept && kept.GetValue<string>() != e.Template)
            {
                definition["description"] = kept.GetValue<string>();
            }

            definitions.Remove(e.Name);
            definitions[e.Name] = definition;
        }

        logEvents["allOf"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
        {
            ["if"] = new JsonObject { ["properties"] = new JsonObject { ["event"] = new JsonObject { ["const"] = e.Name } } },
            ["then"] = new JsonObject { ["$ref"] = $"#/$defs/{e.Name}" },
        })]);
    }

    private static JsonNode WithoutDescriptions(JsonNode node)
    {
        var copy = node.DeepClone();
        Strip(copy);
        return copy;

        static void Strip(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                o.Remove("description");
                foreach (var (_, child) in o)
                {
                    Strip(child);
                }
            }
            else if (n is JsonArray a)
            {
                foreach (var child in a)
                {
                    Strip(child);
                }
            }
        }
    }
}
