using System.Net;
using System.Text.Json;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Http;

/// <summary>Reads Vault's <c>{"errors":[...]}</c> and names what a failed status means.</summary>
internal static class VaultErrors
{
    /// <summary>The <c>errors[]</c> of a body, or empty for a body that is not Vault's (a proxy page, nothing).</summary>
    public static IReadOnlyList<string> Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return [];
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(body, VaultJsonContext.Default.ErrorResponse);
            return parsed?.Errors?.Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).ToArray() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static VaultErrorKind Classify(HttpStatusCode statusCode, IReadOnlyList<string> errors) => (int)statusCode switch
    {
        307 or 308 => VaultErrorKind.Standby,
        400 => VaultErrorKind.BadRequest,
        403 => VaultErrorKind.PermissionDenied,
        404 => VaultErrorKind.NotFound,
        405 => VaultErrorKind.UnsupportedOperation,
        412 => VaultErrorKind.PreconditionFailed,
        429 => VaultErrorKind.RateLimited,
        502 => VaultErrorKind.UpstreamError,
        503 when Mentions(errors, "sealed") => VaultErrorKind.Sealed,
        503 when Mentions(errors, "standby") => VaultErrorKind.Standby,
        503 => VaultErrorKind.Unavailable,
        >= 500 and <= 599 => VaultErrorKind.ServerError,
        _ => VaultErrorKind.Other,
    };

    public static VaultApiException ToException(VaultRequest request, VaultResponse response, VaultErrorKind? kind = null, string? detail = null)
    {
        var errors = Redact(Parse(response.Body), request.Sensitive);
        var location = response.Location is { IsAbsoluteUri: true } absolute ? absolute : null;
        detail ??= location is null ? null : $"the active node is {location.Scheme}://{location.Authority}";
        return new VaultApiException(
            kind ?? Classify(response.StatusCode, errors), response.StatusCode, request.Method.Method, request.Display, errors, detail)
        {
            RedirectLocation = response.Location,
        };
    }

    /// <summary>Replaces any of <paramref name="sensitive"/> quoted in Vault's errors or warnings.</summary>
    public static IReadOnlyList<string> Redact(IReadOnlyList<string> messages, IReadOnlyList<string> sensitive)
    {
        if (sensitive.Count == 0 || messages.Count == 0)
        {
            return messages;
        }

        return messages.Select(m => sensitive
                .Where(s => s.Length > 0)
                .Aggregate(m, (text, secret) => text.Replace(secret, "[redacted]", StringComparison.Ordinal)))
            .ToArray();
    }

    /// <summary>A success whose body is not what the endpoint documents; the parser's message is left out, it may quote the body.</summary>
    public static VaultApiException InvalidResponse(VaultRequest request, VaultResponse response, string what) =>
        new(VaultErrorKind.InvalidResponse, response.StatusCode, request.Method.Method, request.Display, [], what);

    public static bool Mentions(IReadOnlyList<string> errors, string word) =>
        errors.Any(e => e.Contains(word, StringComparison.OrdinalIgnoreCase));
}
