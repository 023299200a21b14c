using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Docker.DotNet;
using SecureLaunch.Docker.Errors;

namespace SecureLaunch.Docker.Tests.Errors;

public sealed class DockerErrorsTests
{
    private static readonly Uri Endpoint = new("unix:///var/run/docker.sock");

    [Theory]
    [InlineData("{\"message\":\"No such container: web\"}\n", "No such container: web")]
    [InlineData("page not found\n", "page not found")]
    [InlineData("", "the daemon answered 502 BadGateway")]
    public void The_daemon_message_is_read_from_the_error_body(string body, string expected)
    {
        DockerErrors.DaemonMessage(new DockerApiException(HttpStatusCode.BadGateway, body)).ShouldBe(expected);
    }

    [Fact]
    public void A_daemon_error_keeps_its_status_and_says_what_was_asked()
    {
        var error = DockerErrors.Translate(
            new DockerApiException(HttpStatusCode.Conflict, "{\"message\":\"is not running\"}"), Endpoint, "send SIGHUP to container web");

        error.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        error.Message.ShouldBe("send SIGHUP to container web: is not running");
    }

    [Fact]
    public void A_refused_connection_is_unreachable_however_the_transport_wraps_it()
    {
        var refused = new SocketException((int)SocketError.ConnectionRefused);

        DockerErrors.Translate(new AggregateException(refused), Endpoint, "list containers").ShouldBeOfType<DockerUnreachableException>();
        DockerErrors.Translate(new HttpRequestException("Connection failed.", refused), Endpoint, "list containers")
            .ShouldBeOfType<DockerUnreachableException>().Message.ShouldContain("connection refused");
    }

    [Fact]
    public void The_callers_own_cancellation_passes_through_untouched()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        DockerErrors.ShouldTranslate(new OperationCanceledException(cancelled.Token), cancelled.Token).ShouldBeFalse();
        DockerErrors.ShouldTranslate(new OperationCanceledException(), CancellationToken.None).ShouldBeTrue();
    }

    [Fact]
    public void A_create_error_quoting_an_environment_value_has_it_masked()
    {
        var body = "{\"message\":\"invalid environment variable: DB_PASSWORD=hunter2!\"}";

        var error = SecretMasking.MaskedError(new DockerApiException(HttpStatusCode.BadRequest, body), "create container web", ["hunter2!", ""]);

        error.Message.ShouldBe("create container web: invalid environment variable: DB_PASSWORD=****");
        error.InnerException.ShouldBeNull();
        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
