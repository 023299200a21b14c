using System.Net;
using System.Net.Sockets;
using Shouldly;

namespace SecureLaunch.Cli.Tests.Commands;

/// <summary><c>run --metrics</c> refuses a bad value or a port in use with one line and 125, before Vault is asked anything.</summary>
public sealed class RunMetricsOptionTests : IDisposable
{
    // Nothing listens on port 9 (discard): had the launch started, the error would say Vault is unreachable.
    private readonly TempEnvironment _environment = new TempEnvironment()
        .With("VAULT_ADDR", "http://127.0.0.1:9")
        .With("VAULT_TOKEN", "hvs.not-a-real-token")
        .WithFile("securelaunch.yaml", "version: 1\nname: metrics\nsecrets:\n  db: { path: database/creds/app }\ncontainers:\n  web: { image: busybox:stable }\n");

    public void Dispose() => _environment.Dispose();

    [Theory]
    [InlineData("9464", "--metrics 9464: expected HOST:PORT, e.g. 127.0.0.1:9464")]
    [InlineData("127.0.0.1:99999", "--metrics 127.0.0.1:99999: the port must be a number from 1 to 65535, e.g. 127.0.0.1:9464")]
    [InlineData("metrics.internal:9464", "--metrics metrics.internal:9464: the host must be an IP address or localhost (IPv6 in brackets, [::1]), e.g. 127.0.0.1:9464")]
    public async Task A_bad_value_is_one_line_and_125(string value, string line)
    {
        var (exitCode, stdout, stderr) = await CliRunner.RunAsync(["run", "--metrics", value], _environment);

        exitCode.ShouldBe(ExitCodes.LaunchFailed);
        stderr.ShouldBe($"securelaunch: error: {line}\n");
        stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_125_before_anything_starts()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, stdout, stderr) = await CliRunner.RunAsync(["run", "--metrics", $"127.0.0.1:{port}"], _environment);

        exitCode.ShouldBe(ExitCodes.LaunchFailed);
        stderr.ShouldBe($"securelaunch: error: --metrics 127.0.0.1:{port}: cannot listen there: the port is already in use\n");
        stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_address_beyond_loopback_is_served_with_a_warning_and_the_endpoint_closes_with_the_launch()
    {
        var port = Hosting.MetricsServerTests.FreeAddress().Port;

        var (exitCode, _, stderr) = await CliRunner.RunAsync(["run", "--metrics", $"0.0.0.0:{port}"], _environment);

        exitCode.ShouldBe(ExitCodes.LaunchFailed, "Vault is unreachable here");
        var lines = stderr.Split('\n');
        lines[0].ShouldBe($"securelaunch: warning: metrics: 0.0.0.0:{port} is not a loopback address: whoever reaches it can read the launch's metrics (secret and container names, no values)");
        lines[1].ShouldBe($"securelaunch: metrics: serving Prometheus metrics on http://0.0.0.0:{port}/metrics");
        lines.ShouldContain(l => l.StartsWith("securelaunch: error: ", StringComparison.Ordinal));
        using var after = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => after.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken).AsTask());
    }
}
