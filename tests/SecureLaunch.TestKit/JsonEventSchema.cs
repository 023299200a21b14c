using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SecureLaunch.TestKit;

/// <summary>
/// <c>docs/json-events.schema.json</c>, the documented shape of every <c>--output json</c> line, loaded from the
/// source tree and checked with JsonSchema.Net (draft 2020-12, formats asserted).
/// </summary>
public sealed class JsonEventSchema
{
    public const string RelativePath = "docs/json-events.schema.json";

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonSchema _schema;

    private JsonEventSchema(string path, string text)
    {
        Path = path;
        Text = text;
        // A registry of its own: the schema's $id may be loaded more than once in a test run.
        _schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>The file's full path, for tests that rewrite it.</summary>
    public string Path { get; }

    public string Text { get; }

    public JsonObject Document => JsonNode.Parse(Text)!.AsObject();

    public static JsonEventSchema Load()
    {
        var path = System.IO.Path.Combine(RepositoryRoot(), RelativePath);
        return new JsonEventSchema(path, File.ReadAllText(path));
    }

    /// <summary>What is wrong with one line: empty when it is a valid event.</summary>
    public IReadOnlyList<string> Check(string line)
    {
        JsonElement element;
        try
        {
            element = JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException ex)
        {
            return [$"not JSON ({ex.Message}): {line}"];
        }

        var result = _schema.Evaluate(element, Options);
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid")
            .Select(e => $"{e} in {line}")];
    }

    /// <summary>The directory holding SecureLaunch.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SecureLaunch.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no SecureLaunch.sln above {AppContext.BaseDirectory}");
    }
}
