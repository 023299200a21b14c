using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SecureLaunch.DevVault;

namespace SecureLaunch.Conformance.Tests;

/// <summary>
/// The server under test: a real Vault when <c>VAULT_ADDR</c> and <c>VAULT_TOKEN</c> are set (set up with
/// <c>vault-dev/bootstrap.sh</c>), else a fresh embedded dev Vault per test, set up with the same bootstrap file and
/// running on a fake clock. Tests talk to either through this plain HttpClient only.
/// </summary>
public sealed partial class VaultTarget : IAsyncDisposable
{
    /// <summary>How far a real Vault's TTLs may have run down while a test ran (no such slack on the fake clock).</summary>
    private const long RealTtlSlackSeconds = 10;

    private static readonly HttpMethod List = new("LIST");
    private readonly FakeTimeProvider? _clock;

    private VaultTarget(HttpClient http, string rootToken, DevVaultServer? server, FakeTimeProvider? clock)
    {
        Http = http;
        Root = rootToken;
        Server = server;
        _clock = clock;
    }

    /// <summary>The repository's bootstrap file, applied to the dev Vault here and to a real Vault by bootstrap.sh.</summary>
    public static string BootstrapFile { get; } = Path.Combine(RepositoryRoot(), "vault-dev", "bootstrap", "examples.txt");

    /// <summary>True against a real Vault (<c>VAULT_ADDR</c> and <c>VAULT_TOKEN</c> set).</summary>
    public static bool AgainstRealVault =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VAULT_ADDR")) && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VAULT_TOKEN"));

    public HttpClient Http { get; }

    public string Root { get; }

    /// <summary>The embedded server, or null against a real Vault.</summary>
    public DevVaultServer? Server { get; }

    public bool IsReal => Server is null;

    public static async Task<VaultTarget> StartAsync()
    {
        if (AgainstRealVault)
        {
            var address = new Uri(Environment.GetEnvironmentVariable("VAULT_ADDR")!);
            return new VaultTarget(RealClient(address), Environment.GetEnvironmentVariable("VAULT_TOKEN")!, null, null);
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var server = await DevVaultServer.StartAsync(
            new DevVaultOptions { TimeProvider = clock, Bootstrap = DevVaultBootstrap.FromFile(BootstrapFile) },
            TestContext.Current.CancellationToken);
        return new VaultTarget(new HttpClient { BaseAddress = server.Address }, server.RootToken, server, clock);
    }

    /// <summary>Skips the test against a real Vault: it moves the clock, injects faults or starts servers of its own.</summary>
    public static void RequireDevVault(string why) => Assert.SkipWhen(AgainstRealVault, "needs the embedded dev Vault: " + why);

    /// <summary>Moves the dev Vault's clock; only after <see cref="RequireDevVault"/>.</summary>
    public void Advance(TimeSpan by) => (_clock ?? throw new InvalidOperationException("no clock to move on a real Vault")).Advance(by);

    /// <summary>A TTL as the server reports it: exact on the fake clock; on a real Vault, at most a few seconds less.</summary>
    public void ShouldBeTtl(long actual, long expected)
    {
        if (IsReal)
        {
            actual.ShouldBeInRange(expected - RealTtlSlackSeconds, expected);
        }
        else
        {
            actual.ShouldBe(expected);
        }
    }

    public Task<ApiCall> GetAsync(string path, string? token = "") => SendAsync(HttpMethod.Get, path, null, token);

    public Task<ApiCall> ListAsync(string path, string? token = "") => SendAsync(List, path, null, token);

    public Task<ApiCall> PostAsync(string path, object? body = null, string? token = "") => SendAsync(HttpMethod.Post, path, body, token);

    public Task<ApiCall> PutAsync(string path, object? body = null, string? token = "") => SendAsync(HttpMethod.Put, path, body, token);

    public Task<ApiCall> DeleteAsync(string path, string? token = "") => SendAsync(HttpMethod.Delete, path, null, token);

    /// <summary>
    /// One request to <c>/v1/</c> + <paramref name="path"/>; <paramref name="token"/> "" means root, null none.
    /// A body is a JsonNode, or a string sent as is. <paramref name="expectContinue"/> holds the body back until the
    /// server asks for it, so a body refused unread is never sent.
    /// </summary>
    public async Task<ApiCall> SendAsync(HttpMethod method, string path, object? body, string? token = "", IReadOnlyDictionary<string, string>? headers = null, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(method, "/v1/" + path.TrimStart('/'));
        request.Headers.ExpectContinue = expectContinue ? true : null;
        if (token is not null)
        {
            request.Headers.Add("X-Vault-Token", token.Length == 0 ? Root : token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        if (body is not null)
        {
            var text = body is JsonNode node ? node.ToJsonString() : (string)body;
            request.Content = new StringContent(text, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var content = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new ApiCall(response.StatusCode, content, response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    private static HttpClient RealClient(Uri address)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        if (Environment.GetEnvironmentVariable("VAULT_CACERT") is { Length: > 0 } caFile)
        {
            var trusted = X509CertificateLoader.LoadCertificateFromFile(caFile);
            handler.ServerCertificateCustomValidationCallback = (_, certificate, chain, _) =>
            {
                if (certificate is null || chain is null)
                {
                    return false;
                }

                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(trusted);
                return chain.Build(certificate);
            };
        }

        return new HttpClient(handler) { BaseAddress = address };
    }

    private static string RepositoryRoot() =>
        typeof(VaultTarget).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
