using System.Diagnostics;
using System.Net;
using Shouldly;

namespace SecureLaunch.DevVault.Tests;

public sealed class ServerLifecycleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Start_binds_a_free_loopback_port_and_reports_it()
    {
        await using var server = await DevVaultServer.StartAsync(new DevVaultOptions(), TestContext.Current.CancellationToken);

        server.Address.Host.ShouldBe("127.0.0.1");
        server.Address.Port.ShouldBeGreaterThan(0);
        server.Address.Scheme.ShouldBe("http");
    }

    [Fact]
    public async Task Dispose_is_idempotent_and_the_port_stops_answering()
    {
        var server = await DevVaultServer.StartAsync(new DevVaultOptions(), TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = server.Address };
        (await http.GetAsync("/v1/sys/health", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await server.DisposeAsync();
        await server.DisposeAsync();

        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync("/v1/sys/health", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_busy_port_fails_the_start()
    {
        await using var first = await DevVaultServer.StartAsync(new DevVaultOptions(), TestContext.Current.CancellationToken);

        await Should.ThrowAsync<IOException>(() =>
            DevVaultServer.StartAsync(new DevVaultOptions { Listen = $"127.0.0.1:{first.Address.Port}" }, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("example.com:8200")]
    public async Task A_malformed_listen_address_is_an_argument_error(string listen)
    {
        await Should.ThrowAsync<ArgumentException>(() =>
            DevVaultServer.StartAsync(new DevVaultOptions { Listen = listen }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_seed_path_outside_secret_and_kv_is_refused()
    {
        var seed = new DevVaultSeed { Kv = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["other/x"] = new Dictionary<string, string> { ["a"] = "b" } } };

        await Should.ThrowAsync<ArgumentException>(() =>
            DevVaultServer.StartAsync(new DevVaultOptions { Seed = seed }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Many_servers_start_and_serve_concurrently()
    {
        var warm = await DevVaultServer.StartAsync(new DevVaultOptions(), TestContext.Current.CancellationToken);
        await warm.DisposeAsync();
        var watch = Stopwatch.StartNew();
        var servers = new List<DevVaultServer>();
        for (var i = 0; i < 20; i++)
        {
            servers.Add(await DevVaultServer.StartAsync(new DevVaultOptions { Seed = Seeds.Standard }, TestContext.Current.CancellationToken));
        }

        var perStart = watch.Elapsed / servers.Count;
        // Start time is measured in bench/ and docs/benchmarks.md, never asserted: these machines are too noisy.
        output.WriteLine($"warm start: {perStart.TotalMilliseconds:F1} ms per server");
        try
        {
            using var http = new HttpClient();
            var calls = servers.SelectMany(s => Enumerable.Range(0, 5).Select(async _ =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(s.Address, "/v1/database/creds/app"));
                request.Headers.Add("X-Vault-Token", s.RootToken);
                using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
                return response.StatusCode;
            }));
            (await Task.WhenAll(calls)).ShouldAllBe(s => s == HttpStatusCode.OK);
            servers.Sum(s => s.Leases.Count).ShouldBe(100);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }
}
