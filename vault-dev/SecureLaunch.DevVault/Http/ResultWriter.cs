using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SecureLaunch.DevVault.Http;

/// <summary>Writes a <see cref="VaultResult"/> the way Vault's HTTP layer does.</summary>
internal static class ResultWriter
{
    // The body is JSON served as application/json, never HTML: keep '+' and friends readable, as Go's encoder mostly does.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, VaultResult result, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        switch (result)
        {
            case VaultNoContent:
                response.StatusCode = 204;
                return;
            case VaultRawJson raw:
                response.StatusCode = raw.StatusCode;
                response.ContentType = "application/json";
                // Go's net/http drops a body the status forbids (custom codes such as activecode=204).
                if (raw.Body is not null && !HttpMethods.IsHead(context.Request.Method) && raw.StatusCode is >= 200 and not 204 and not 304)
                {
                    await WriteJsonAsync(response, w => raw.Body.WriteTo(w), cancellationToken);
                }

                return;
            case VaultError error:
                response.StatusCode = error.StatusCode;
                response.ContentType = "application/json";
                await WriteJsonAsync(response, w => WriteErrors(w, error), cancellationToken);
                return;
            case VaultResponse envelope:
                response.StatusCode = envelope.StatusCode;
                response.ContentType = "application/json";
                await WriteJsonAsync(response, w => EnvelopeJson.Build(envelope, envelope.InjectDataAtTopLevel).WriteTo(w), cancellationToken);
                return;
            default:
                throw new InvalidOperationException("Unknown result type " + result.GetType().Name);
        }
    }

    private static void WriteErrors(Utf8JsonWriter writer, VaultError error)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        foreach (var message in error.Errors)
        {
            writer.WriteStringValue(message);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static async Task WriteJsonAsync(HttpResponse response, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        buffer.WriteByte((byte)'\n');
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }
}
