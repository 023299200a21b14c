using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Docker.Images;

namespace SecureLaunch.Docker.Tests.Images;

public sealed class PullProgressTests
{
    [Fact]
    public void The_first_error_in_the_stream_is_kept()
    {
        var progress = new PullProgress(NullLogger.Instance, "app:v1");

        progress.Report(new JSONMessage { Status = "Pulling from app", ID = "v1" });
        progress.Report(new JSONMessage { Error = new JSONError { Message = "manifest unknown\n" } });
        progress.Report(new JSONMessage { Error = new JSONError { Message = "later error" } });

        progress.Error.ShouldBe("manifest unknown");
    }

    [Fact]
    public void A_stream_without_error_leaves_none()
    {
        var progress = new PullProgress(NullLogger.Instance, "app:v1");

        progress.Report(new JSONMessage { Status = "Downloading", ID = "abc" });
        progress.Report(new JSONMessage { Status = "Status: Downloaded newer image for app:v1" });

        progress.Error.ShouldBeNull();
    }
}
