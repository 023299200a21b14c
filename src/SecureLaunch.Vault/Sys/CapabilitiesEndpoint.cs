using System.Text.Json;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Sys;

/// <summary><c>sys/capabilities-self</c>: what the client's token may do on each path, for the preflight.</summary>
internal sealed class CapabilitiesEndpoint
{
    private readonly VaultTransport _transport;

    public CapabilitiesEndpoint(VaultTransport transport) => _transport = transport;

    /// <summary><c>POST /v1/sys/capabilities-self</c> with <c>{"paths":[...]}</c>.</summary>
    /// <remarks>
    /// Idempotent. There is no reference page for it here; written from Vault's API page for the endpoint: 200
    /// with one member per path (an array such as <c>["read","list"]</c>, or <c>["deny"]</c>) plus, when one path
    /// was asked, a legacy <c>capabilities</c> member. Vault's logical layer repeats the members under
    /// <c>data</c>, which is read first when present (as the Go client does). A path Vault left out is reported as
    /// <c>deny</c>. 400 for an empty list, 403 when the token may not call it: thrown as <see cref="VaultApiException"/>.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetSelfAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var request = new VaultRequest(HttpMethod.Post, "sys/capabilities-self")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(new CapabilitiesRequest(paths), VaultJsonContext.Default.CapabilitiesRequest),
        };
        var response = await _transport.SendAsync(request, cancellationToken);
        var root = ResponseReader.Read(request, response, VaultJsonContext.Default.DictionaryStringJsonElement);
        var source = root.TryGetValue("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? ResponseReader.Fields(request, response, data)
            : root;

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var element = source.TryGetValue(path, out var found) ? found
                : paths.Count == 1 && source.TryGetValue("capabilities", out var legacy) ? legacy
                : default;
            result[path] = element.ValueKind == JsonValueKind.Array
                ? element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
                : ["deny"];
        }

        return result;
    }
}
