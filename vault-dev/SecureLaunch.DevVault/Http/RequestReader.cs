using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.Http;

/// <summary>Turns an HTTP request into a <see cref="VaultRequest"/> as Vault's <c>buildLogicalRequest</c> does.</summary>
internal static class RequestReader
{
    private const int MaxBodyBytes = 32 * 1024 * 1024;

    /// <summary>Reads operation and parameters; answers the error instead when the method or body is not acceptable.</summary>
    public static async Task<(VaultRequest? Request, VaultError? Error)> ReadAsync(HttpContext context, string path, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var operation = Operation(context.Request);
        if (operation is null)
        {
            return (null, context.Request.Method == HttpMethods.Get ? new VaultError(400, []) : new VaultError(405, []));
        }

        var (wrapTtl, wrapError) = WrapTtl(context.Request);
        if (wrapError is not null)
        {
            return (null, wrapError);
        }

        var data = new JsonObject();
        if (operation is VaultOperation.Update or VaultOperation.Patch or VaultOperation.Delete)
        {
            var (body, error) = await ReadBodyAsync(context.Request, cancellationToken);
            if (error is not null)
            {
                // Vault's logical handler replaces the parser's message (the seal endpoints keep it), status kept.
                return (null, new VaultError(error.StatusCode, ["error parsing JSON"]));
            }

            data = body ?? data;
        }
        else
        {
            foreach (var (key, values) in context.Request.Query)
            {
                data[key] = values.Count > 0 ? values[0] : string.Empty;
            }
        }

        // Vault routes a LIST on its path with a trailing slash; backends accept either form.
        var routed = operation == VaultOperation.List && !path.EndsWith('/') ? path + "/" : path;
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? string.Empty;
        return (new VaultRequest { Operation = operation.Value, Path = routed, Data = data, Now = now, WrapTtl = wrapTtl, ClientToken = Token(context.Request), RemoteAddress = remote }, null);
    }

    /// <summary>The client token from <c>X-Vault-Token</c>, or else <c>Authorization: Bearer</c>.</summary>
    public static string? Token(HttpRequest request)
    {
        var token = request.Headers["X-Vault-Token"].ToString().Trim();
        if (token.Length > 0)
        {
            return token;
        }

        var authorization = request.Headers.Authorization.ToString().Trim();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    /// <summary><c>X-Vault-Wrap-TTL</c>: seconds or a Go duration; 0 means no wrapping. Malformed or negative values are 400.</summary>
    private static (TimeSpan? Ttl, VaultError? Error) WrapTtl(HttpRequest request)
    {
        var header = request.Headers["X-Vault-Wrap-TTL"].ToString().Trim();
        if (header.Length == 0)
        {
            return (null, null);
        }

        if (!GoDuration.TryParse(header.TrimStart('-'), out var ttl))
        {
            return (null, VaultError.BadRequest($"time: invalid duration \"{header}\""));
        }

        if (header.StartsWith('-'))
        {
            return (null, VaultError.BadRequest("requested wrap ttl cannot be negative"));
        }

        return (ttl > TimeSpan.Zero ? ttl : null, null);
    }

    private static VaultOperation? Operation(HttpRequest request)
    {
        switch (request.Method)
        {
            case "GET":
                var list = request.Query["list"].ToString();
                if (list.Length == 0)
                {
                    return VaultOperation.Read;
                }

                return GoBool.TryParse(list, out var isList) ? (isList ? VaultOperation.List : VaultOperation.Read) : null;
            case "POST" or "PUT":
                return VaultOperation.Update;
            case "DELETE":
                return VaultOperation.Delete;
            case "LIST":
                return VaultOperation.List;
            case "PATCH":
                return VaultOperation.Patch;
            default:
                return null;
        }
    }

    /// <summary>
    /// The JSON object body, null when empty; 400 or 413 with <c>parseJSONRequest</c>'s message for a malformed or
    /// oversize body. An announced oversize body is refused unread, so a client sending <c>Expect: 100-continue</c>
    /// never sends it.
    /// </summary>
    public static async Task<(JsonObject? Body, VaultError? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var tooLarge = new VaultError(413, ["failed to parse JSON input: http: request body too large"]);
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, tooLarge);
        }

        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }

        if (buffer.Length > MaxBodyBytes)
        {
            return (null, tooLarge);
        }

        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return (null, null);
        }

        try
        {
            return JsonNode.Parse(buffer.ToArray()) switch
            {
                JsonObject body => (body, null),
                null => (null, null),
                JsonNode other => (null, VaultError.BadRequest($"failed to parse JSON input: json: cannot unmarshal {other.GetValueKind().ToString().ToLowerInvariant()} into Go value of type map[string]interface {{}}")),
            };
        }
        catch (JsonException ex)
        {
            return (null, VaultError.BadRequest("failed to parse JSON input: " + ex.Message));
        }
    }
}
