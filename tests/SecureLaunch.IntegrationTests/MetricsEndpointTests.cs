using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using SecureLaunch.Cli;
using SecureLaunch.Core.Journal;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary><c>run --metrics</c>: Prometheus scrapes a running launch over HTTP and sees its leases, never their secrets.</summary>
public sealed class MetricsEndpointTests
{
    private const string StripeKey = "sk_test_51MetricsLyjWDarjtT1zdp7dc";

    private const string Seed = $$"""
        dev:
          kv: { secret/app/stripe: { api_key: {{StripeKey}} } }
          database: { roles: { app: { ttl: 10s, maxTtl: 2m } } }
        """;

    private static string Spec(string name) => TestSpecs.Sleeper(name);

    private const string RenewalsOfDb = "securelaunch_lease_renewals_total{secret=\"db\"}";

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_scrape_of_a_running_launch_counts_its_renewals_and_shows_the_seconds_its_lease_has_left_and_no_secret()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name));
        var port = FreePort();
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/metrics";
        var cli = new CliRun(fixture.Environment(spec.Path));
        using var http = new HttpClient();
        var run = cli.RunAsync("run", "-f", spec.File, "--stop-grace", "2", "--metrics", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");

        var scrape = await ScrapeUntilAsync(http, url, run, s => Has(s, RenewalsOfDb) && Sample(s, RenewalsOfDb) >= 1);
        using var notFound = await http.GetAsync($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/", TestContext.Current.CancellationToken);
        var journal = new JournalStore(fixture.StateDirectory).Read(fixture.Name)!;
        var dbCredentials = SecretFiles.Read(journal.FilesDirectory!, "sleeper", 0).Split(':');
        var leaseId = fixture.Vault.Leases.ShouldHaveSingleItem().LeaseId;
        cli.Shutdown.Trigger(ExitCodes.Terminated);
        (await run).ShouldBe(ExitCodes.Terminated, cli.Stderr);

        scrape.ShouldContain("# TYPE securelaunch_lease_renewals_total counter\n");
        scrape.ShouldContain("securelaunch_credentials_minted_total{secret=\"db\"} 1\n");
        scrape.ShouldNotContain("securelaunch_credentials_minted_total{secret=\"stripe\"}", customMessage: "a KV read mints nothing");
        var secondsLeft = Sample(scrape, "securelaunch_lease_expiry_seconds{secret=\"db\"}");
        secondsLeft.ShouldBeInRange(0, 10);
        notFound.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var secret in dbCredentials.Append(StripeKey).Append(fixture.Vault.RootToken).Append(leaseId.Split('/')[^1]))
        {
            scrape.ShouldNotContain(secret);
        }

        cli.Stderr.ShouldContain($"securelaunch: metrics: serving Prometheus metrics on {url}\n");
        using var after = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => after.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken).AsTask());
    }

    /// <summary>Scrapes every 100 ms until the text satisfies <paramref name="done"/>; the 90 s are a hang guard, not a timing assertion.</summary>
    private static async Task<string> ScrapeUntilAsync(HttpClient http, string url, Task<int> running, Func<string, bool> done)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (running.IsCompleted)
            {
                throw new InvalidOperationException($"the run ended (exit {await running}) before the scrape showed what was awaited");
            }

            try
            {
                var scrape = await http.GetStringAsync(url, timeout.Token);
                if (done(scrape))
                {
                    return scrape;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static bool Has(string scrape, string series) =>
        scrape.Split('\n').Any(l => l.StartsWith(series + " ", StringComparison.Ordinal));

    private static double Sample(string scrape, string series) =>
        double.Parse(
            scrape.Split('\n').Single(l => l.StartsWith(series + " ", StringComparison.Ordinal))[(series.Length + 1)..],
            CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
