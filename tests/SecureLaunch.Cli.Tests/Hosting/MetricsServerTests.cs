using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Diagnostics.Metrics;
using SecureLaunch.Core.Leases.Events;
using Shouldly;

namespace SecureLaunch.Cli.Tests.Hosting;

/// <summary>The metrics endpoint over a real loopback socket.</summary>
public sealed class MetricsServerTests
{
    private readonly LaunchMetrics _metrics = new();

    [Fact]
    public async Task Get_metrics_over_http_answers_the_scrape_and_other_paths_404()
    {
        await using var server = MetricsServer.Start(FreeAddress(), _metrics, NullLogger.Instance, TimeProvider.System);
        _metrics.OnTokenEvent(new TokenRenewed(DateTimeOffset.UnixEpoch, TimeSpan.FromHours(1), null));
        using var http = new HttpClient();

        using var scrape = await http.GetAsync(server.Address.Url, TestContext.Current.CancellationToken);
        using var other = await http.GetAsync($"http://{server.Address}/", TestContext.Current.CancellationToken);

        scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
        scrape.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; version=0.0.4; charset=utf-8");
        (await scrape.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\nsecurelaunch_token_renewals_total 1\n");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_port_in_use_fails_to_start_with_a_line_saying_so()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = new MetricsAddress(IPAddress.Loopback, ((IPEndPoint)taken.LocalEndpoint).Port);

        var failure = Should.Throw<SocketException>(() => MetricsServer.Start(address, _metrics, NullLogger.Instance, TimeProvider.System));

        MetricsServer.DescribeBindFailure(address, failure).ShouldBe($"--metrics {address}: cannot listen there: the port is already in use");
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Once_disposed_it_no_longer_listens_and_a_second_dispose_does_nothing()
    {
        var server = MetricsServer.Start(FreeAddress(), _metrics, NullLogger.Instance, TimeProvider.System);

        await server.DisposeAsync();
        await server.DisposeAsync();

        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync(server.Address.Address, server.Address.Port, TestContext.Current.CancellationToken).AsTask());
    }

    [Fact]
    public async Task A_client_that_connects_and_says_nothing_does_not_hold_up_a_scrape()
    {
        await using var server = MetricsServer.Start(FreeAddress(), _metrics, NullLogger.Instance, TimeProvider.System);
        using var silent = new TcpClient();
        await silent.ConnectAsync(server.Address.Address, server.Address.Port, TestContext.Current.CancellationToken);
        using var http = new HttpClient();

        using var scrape = await http.GetAsync(server.Address.Url, TestContext.Current.CancellationToken);

        scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A loopback port free a moment ago.</summary>
    internal static MetricsAddress FreeAddress()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return new MetricsAddress(IPAddress.Loopback, ((IPEndPoint)probe.LocalEndpoint).Port);
    }
}
