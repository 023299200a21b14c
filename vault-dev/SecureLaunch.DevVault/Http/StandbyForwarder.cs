using Microsoft.AspNetCore.Http;

namespace SecureLaunch.DevVault.Http;

/// <summary>
/// A standby's handling of everything but health, seal status and leader: with <c>X-Vault-No-Request-Forwarding</c>
/// (or when forwarding is off, as on a Vault whose cluster address cannot be reached)
/// a 307 to the active node (no body, the method kept), otherwise the request forwarded to the active node and its
/// answer relayed.
/// </summary>
internal sealed class StandbyForwarder(Uri activeNode, bool forwarding) : IDisposable
{
    private static readonly string[] RequestHeaders = ["X-Vault-Token", "Authorization", "X-Vault-Wrap-TTL", "X-Vault-Request", "X-Vault-Namespace", "Content-Type"];

    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });

    public Uri ActiveNode => activeNode;

    public static bool ServedLocally(string path) => path is "/v1/sys/health" or "/v1/sys/seal-status" or "/v1/sys/leader";

    public async Task HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var target = new Uri(activeNode, context.Request.Path.Value + context.Request.QueryString.Value);
        if (!forwarding || context.Request.Headers["X-Vault-No-Request-Forwarding"].ToString().Length > 0)
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = target.ToString();
            context.Response.Headers.CacheControl = "no-store";
            return;
        }

        using var forwarded = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, cancellationToken);
            forwarded.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var name in RequestHeaders.Where(h => context.Request.Headers.ContainsKey(h)))
        {
            var value = context.Request.Headers[name].ToString();
            if (!forwarded.Headers.TryAddWithoutValidation(name, value))
            {
                forwarded.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var answer = await _client.SendAsync(forwarded, cancellationToken);
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.Headers.CacheControl = "no-store";
        if (answer.Content.Headers.ContentType is { } type)
        {
            context.Response.ContentType = type.ToString();
        }

        var bytes = await answer.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length > 0)
        {
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, cancellationToken);
        }
    }

    public void Dispose() => _client.Dispose();
}
