using System.Net;
using System.Text;

namespace SecureLaunch.Vault.Tests.Fakes;

/// <summary>One answer of <see cref="CannedHandler"/>: a status with a JSON body, or an exception.</summary>
internal sealed record CannedResponse(HttpStatusCode Status, string? Json = null)
{
    public Exception? Exception { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static CannedResponse Ok(string json) => new(HttpStatusCode.OK, json);

    public static CannedResponse NoContent() => new(HttpStatusCode.NoContent);

    public static CannedResponse Error(int status, params string[] errors) =>
        new((HttpStatusCode)status, $$"""{"errors":[{{string.Join(",", errors.Select(e => $"\"{e}\""))}}]}""");

    public static CannedResponse Throws(Exception exception) => new(HttpStatusCode.OK) { Exception = exception };

    public static CannedResponse ConnectionRefused() =>
        Throws(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (canned)"));

    public static CannedResponse ConnectionReset() =>
        Throws(new HttpRequestException(HttpRequestError.ResponseEnded, "Connection reset (canned)", new IOException("reset")));

    public HttpResponseMessage ToMessage()
    {
        if (Exception is not null)
        {
            throw Exception;
        }

        var message = new HttpResponseMessage(Status);
        if (Json is not null)
        {
            message.Content = new StringContent(Json, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }
}
