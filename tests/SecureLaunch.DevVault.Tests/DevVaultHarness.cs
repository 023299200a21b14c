using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SecureLaunch.DevVault.Tests;

/// <summary>A started dev server plus a plain HttpClient talking to it over loopback, as any Vault client would.</summary>
public sealed class DevVaultHarness : IAsyncDisposable
{
    private static readonly HttpMethod List = new("LIST");

    private DevVaultHarness(DevVaultServer server, FakeTimeProvider clock)
    {
        Server = server;
        Clock = clock;
        Http = new HttpClient { BaseAddress = server.Address };
    }

    public DevVaultServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public string Root => Server.RootToken;

    public static async Task<DevVaultHarness> StartAsync(DevVaultSeed? seed = null, Func<DevVaultOptions, DevVaultOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new DevVaultOptions { Seed = seed ?? DevVaultSeed.Empty, TimeProvider = clock };
        options = configure?.Invoke(options) ?? options;
        var server = await DevVaultServer.StartAsync(options, TestContext.Current.CancellationToken);
        return new DevVaultHarness(server, clock);
    }

    public Task<VaultCall> GetAsync(string path, string? token = "") => SendAsync(HttpMethod.Get, path, null, token);

    public Task<VaultCall> ListAsync(string path, string? token = "") => SendAsync(List, path, null, token);

    public Task<VaultCall> PostAsync(string path, object? body = null, string? token = "") => SendAsync(HttpMethod.Post, path, body, token);

    public Task<VaultCall> PutAsync(string path, object? body = null, string? token = "") => SendAsync(HttpMethod.Put, path, body, token);

    public Task<VaultCall> DeleteAsync(string path, string? token = "") => SendAsync(HttpMethod.Delete, path, null, token);

    /// <summary>Sends a request; <paramref name="token"/> "" means the root token, null means none. Bodies: a JsonNode or a raw string.</summary>
    public Task<VaultCall> SendAsync(HttpMethod method, string path, object? body, string? token = "") =>
        SendAsync(method, path, body, token, null);

    /// <summary>As <see cref="SendAsync(HttpMethod, string, object?, string?)"/>, with <c>X-Vault-Wrap-TTL</c> when <paramref name="wrapTtl"/> is set.</summary>
    public async Task<VaultCall> SendAsync(HttpMethod method, string path, object? body, string? token, string? wrapTtl)
    {
        using var request = new HttpRequestMessage(method, path);
        if (wrapTtl is not null)
        {
            request.Headers.Add("X-Vault-Wrap-TTL", wrapTtl);
        }

        if (token is not null)
        {
            request.Headers.Add("X-Vault-Token", token.Length == 0 ? Root : token);
        }

        if (body is not null)
        {
            var text = body is JsonNode node ? node.ToJsonString() : (string)body;
            request.Content = new StringContent(text, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var content = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new VaultCall(response.StatusCode, content, response);
    }

    /// <summary>A child token of root with the given creation parameters.</summary>
    public async Task<string> CreateTokenAsync(JsonObject? parameters = null)
    {
        var call = await PostAsync("/v1/auth/token/create", parameters ?? new JsonObject { ["policies"] = new JsonArray("default") });
        return call.Json["auth"]!["client_token"]!.GetValue<string>();
    }

    /// <summary>Writes an ACL policy through <c>sys/policies/acl</c> as root.</summary>
    public async Task WritePolicyAsync(string name, string policy)
    {
        var call = await PutAsync("/v1/sys/policies/acl/" + name, new JsonObject { ["policy"] = policy });
        if (call.Status != System.Net.HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException("policy write failed: " + call.Body);
        }
    }

    /// <summary>A child token of root holding exactly these policies (plus <c>default</c>).</summary>
    /// <remarks>An empty list asks for <c>default</c>: no policies at all would inherit root's, as in Vault.</remarks>
    public Task<string> TokenWithPoliciesAsync(params string[] policies) =>
        CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray([.. (policies.Length == 0 ? ["default"] : policies).Select(p => (JsonNode?)JsonValue.Create(p))]) });

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
