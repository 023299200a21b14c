using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SecureLaunch.DevVault.Http;

namespace SecureLaunch.DevVault.Seeding;

/// <summary>Applies a bootstrap through the server's own request pipeline, as if each line had come over HTTP with the root token.</summary>
internal static class BootstrapRunner
{
    /// <exception cref="DevVaultSeedException">A request failed; the message names the line, the method, the path and Vault's errors.</exception>
    public static async Task ApplyAsync(VaultPipeline pipeline, DevVaultBootstrap bootstrap, string rootToken, CancellationToken cancellationToken)
    {
        foreach (var request in bootstrap.Requests)
        {
            var context = new DefaultHttpContext { RequestAborted = cancellationToken };
            context.Request.Method = request.Method;
            context.Request.Path = "/v1/" + request.Path;
            context.Request.Headers["X-Vault-Token"] = rootToken;
            var body = Encoding.UTF8.GetBytes(request.Body ?? string.Empty);
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            context.Request.ContentType = "application/json";
            using var response = new MemoryStream();
            context.Response.Body = response;
            await pipeline.HandleAsync(context);
            var status = context.Response.StatusCode;
            if (status is >= 200 and < 300)
            {
                continue;
            }

            var errors = Errors(response.ToArray());
            if (status == 400 && request.ToleratesAlreadyInUse && errors.Any(e => e.Contains("path is already in use", StringComparison.Ordinal)))
            {
                continue;
            }

            throw new DevVaultSeedException(bootstrap.SourceName, request.Line, 1, $"{request} answered {status}: {string.Join("; ", errors)}");
        }
    }

    private static IReadOnlyList<string> Errors(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body)?["errors"] is JsonArray errors ? [.. errors.Select(e => e?.ToString() ?? string.Empty)] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
