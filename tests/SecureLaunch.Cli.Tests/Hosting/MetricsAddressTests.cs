using System.Net;
using SecureLaunch.Cli.Hosting;
using Shouldly;

namespace SecureLaunch.Cli.Tests.Hosting;

public sealed class MetricsAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:9464", "127.0.0.1", 9464, true)]
    [InlineData("localhost:9464", "127.0.0.1", 9464, true)]
    [InlineData("[::1]:9464", "::1", 9464, true)]
    [InlineData("0.0.0.0:1", "0.0.0.0", 1, false)]
    [InlineData("[::]:65535", "::", 65535, false)]
    [InlineData("10.1.2.3:9464", "10.1.2.3", 9464, false)]
    public void Host_and_port_are_read_and_loopback_is_told_apart(string text, string ip, int port, bool loopback)
    {
        MetricsAddress.TryParse(text, out var address, out var error).ShouldBeTrue(error);

        address.ShouldBe(new MetricsAddress(IPAddress.Parse(ip), port));
        address.IsLoopback.ShouldBe(loopback);
    }

    [Fact]
    public void The_url_is_where_prometheus_scrapes_with_ipv6_in_brackets()
    {
        MetricsAddress.TryParse("127.0.0.1:9464", out var v4, out _).ShouldBeTrue();
        MetricsAddress.TryParse("[::1]:9464", out var v6, out _).ShouldBeTrue();

        v4.Url.ShouldBe("http://127.0.0.1:9464/metrics");
        v6.Url.ShouldBe("http://[::1]:9464/metrics");
    }

    [Theory]
    [InlineData("9464", "expected HOST:PORT")]
    [InlineData(":9464", "expected HOST:PORT")]
    [InlineData("127.0.0.1:", "expected HOST:PORT")]
    [InlineData("127.0.0.1:0", "the port must be a number from 1 to 65535")]
    [InlineData("127.0.0.1:65536", "the port must be a number from 1 to 65535")]
    [InlineData("127.0.0.1:-1", "the port must be a number from 1 to 65535")]
    [InlineData("127.0.0.1:94x", "the port must be a number from 1 to 65535")]
    [InlineData("example.com:9464", "the host must be an IP address or localhost")]
    [InlineData("127.1:9464", "the host must be an IP address or localhost")]
    [InlineData("::1:9464", "the host must be an IP address or localhost")]
    [InlineData("[127.0.0.1]:9464", "the host must be an IP address or localhost")]
    public void A_bad_value_is_one_line_naming_the_option_the_value_and_what_is_wrong(string text, string problem)
    {
        MetricsAddress.TryParse(text, out var address, out var error).ShouldBeFalse();

        address.ShouldBeNull();
        error.ShouldStartWith($"--metrics {text}: {problem}");
        error.ShouldEndWith("e.g. 127.0.0.1:9464");
        error.ShouldNotContain('\n');
    }
}
