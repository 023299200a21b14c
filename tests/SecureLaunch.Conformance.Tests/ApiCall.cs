namespace SecureLaunch.Conformance.Tests;

/// <summary>One exchange with the server under test: status, raw body, parsed JSON and the response itself.</summary>
public sealed record ApiCall(HttpStatusCode Status, string Body, HttpResponseMessage Response)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty JSON body");

    public JsonNode Data => Json["data"] ?? throw new InvalidOperationException("no data in " + Body);

    public JsonNode Auth => Json["auth"] ?? throw new InvalidOperationException("no auth in " + Body);

    public IReadOnlyList<string> Errors => [.. (Json["errors"] ?? throw new InvalidOperationException("no errors in " + Body)).AsArray().Select(e => e!.GetValue<string>())];

    public string Text(string path) => Node(path).GetValue<string>();

    public long Number(string path) => Node(path).GetValue<long>();

    public bool Flag(string path) => Node(path).GetValue<bool>();

    /// <summary>A JSON value by a dotted path from the top of the body, e.g. <c>auth.client_token</c>.</summary>
    public JsonNode Node(string path) =>
        path.Split('.').Aggregate(Json, (node, key) => node[key] ?? throw new InvalidOperationException($"no {path} in {Body}"));

    /// <summary>The keys of an object, in wire order.</summary>
    public IReadOnlyList<string> Keys(string path) => [.. Node(path).AsObject().Select(p => p.Key)];

    public IReadOnlyList<string> Strings(string path) => [.. Node(path).AsArray().Select(v => v!.GetValue<string>())];
}
