using System.Text;
using SecureLaunch.Cli.Hosting;
using Shouldly;

namespace SecureLaunch.Cli.Tests.Hosting;

public sealed class MetricsHttpTests
{
    private const string ContentType = "text/plain; version=0.0.4; charset=utf-8";
    private int _scrapes;

    private string Scrape()
    {
        _scrapes++;
        return "x_total 1\n";
    }

    [Theory]
    [InlineData("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:9464\r\nAccept: text/plain")]
    [InlineData("GET /metrics?name[]=x HTTP/1.0")]
    public void Get_metrics_answers_200_with_the_scrape_in_the_exposition_content_type(string head)
    {
        var response = Encoding.UTF8.GetString(MetricsHttp.Respond(head, Scrape, ContentType));

        response.ShouldBe(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: 10\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nx_total 1\n");
        _scrapes.ShouldBe(1);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1")]
    [InlineData("GET /metrics/ HTTP/1.1")]
    [InlineData("GET /favicon.ico HTTP/1.1")]
    [InlineData("POST /metrics HTTP/1.1")]
    [InlineData("HEAD /metrics HTTP/1.1")]
    public void Anything_else_is_404_without_scraping(string head)
    {
        var response = Encoding.UTF8.GetString(MetricsHttp.Respond(head, Scrape, ContentType));

        response.ShouldStartWith("HTTP/1.1 404 Not Found\r\n");
        response.ShouldContain("Connection: close\r\n");
        _scrapes.ShouldBe(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("GET /metrics")]
    [InlineData("GET /metrics SSH-2.0")]
    [InlineData("GET  /metrics HTTP/1.1")]
    public void A_head_that_is_not_an_http_request_is_400(string? head)
    {
        var response = Encoding.UTF8.GetString(MetricsHttp.Respond(head, Scrape, ContentType));

        response.ShouldStartWith("HTTP/1.1 400 Bad Request\r\n");
        _scrapes.ShouldBe(0);
    }

    [Fact]
    public async Task The_head_is_read_up_to_the_blank_line_even_in_pieces()
    {
        var stream = new PiecewiseStream(Encoding.ASCII.GetBytes("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\nrest"), pieceSize: 3);

        var head = await MetricsHttp.ReadHeadAsync(stream, TestContext.Current.CancellationToken);

        head.ShouldBe("GET /metrics HTTP/1.1\r\nHost: x");
    }

    [Fact]
    public async Task A_client_that_closes_early_or_sends_a_head_too_long_gets_no_head()
    {
        var closed = new MemoryStream(Encoding.ASCII.GetBytes("GET /metrics HTTP/1.1\r\n"));
        var endless = new MemoryStream(Encoding.ASCII.GetBytes("GET /metrics HTTP/1.1\r\nX: " + new string('a', MetricsHttp.MaxHeadBytes) + "\r\n\r\n"));

        (await MetricsHttp.ReadHeadAsync(closed, TestContext.Current.CancellationToken)).ShouldBeNull();
        (await MetricsHttp.ReadHeadAsync(endless, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    /// <summary>Hands out its bytes a few at a time, as a slow client's packets arrive.</summary>
    private sealed class PiecewiseStream(byte[] content, int pieceSize) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(pieceSize, buffer.Length)], cancellationToken);
    }
}
