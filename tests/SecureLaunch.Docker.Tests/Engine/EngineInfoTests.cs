using Microsoft.Extensions.Logging.Abstractions;

namespace SecureLaunch.Docker.Tests.Engine;

public sealed class EngineInfoTests
{
    [Fact(Timeout = 30_000)]
    public async Task The_local_daemon_reports_linux_with_runsc_among_its_runtimes()
    {
        using var engine = new DockerEngine(new DockerEngineOptions(), NullLogger.Instance);

        var info = await engine.GetInfoAsync(TestContext.Current.CancellationToken);

        info.OSType.ShouldBe("linux");
        info.Runtimes.ShouldContain("runsc");
        info.Runtimes.ShouldContain("runc");
        info.DefaultRuntime.ShouldBe("runc");
        info.DefaultIsolation.ShouldBe("default");
        info.ApiVersion.ShouldNotBeNullOrWhiteSpace();
        info.ServerVersion.ShouldNotBeNullOrWhiteSpace();
        info.SwarmState.ShouldBeOneOf("inactive", "pending", "active", "error", "locked");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_disposed_engine_refuses_calls_and_disposes_again_quietly()
    {
        var engine = new DockerEngine(new DockerEngineOptions(), NullLogger.Instance);
        engine.Dispose();
        engine.Dispose();

        await Should.ThrowAsync<ObjectDisposedException>(() => engine.GetInfoAsync(TestContext.Current.CancellationToken));
    }
}
