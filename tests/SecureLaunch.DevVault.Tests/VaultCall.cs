using System.Net;
using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Tests;

/// <summary>One HTTP exchange with the dev server: status, raw body and parsed JSON.</summary>
public sealed record VaultCall(HttpStatusCode Status, string Body, HttpResponseMessage Response)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty JSON body");

    public JsonNode Data => Json["data"] ?? throw new InvalidOperationException("no data in " + Body);

    public IReadOnlyList<string> Errors => [.. Json["errors"]!.AsArray().Select(e => e!.GetValue<string>())];
}
