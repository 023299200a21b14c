using System.Net;
using SecureLaunch.Docker.Tests.Support;

namespace SecureLaunch.Docker.Tests.Engine;

public sealed class SandboxRuntimeTests : IAsyncDisposable
{
    private readonly EngineScope _scope = new();

    [Fact(Timeout = 90_000)]
    public async Task A_container_with_the_runsc_runtime_runs_under_gvisor()
    {
        // gVisor's own kernel log names it; under runc, dmesg shows the host's kernel or is refused.
        var spec = _scope.Spec("runsc", "sh", "-c", "echo sandboxed; dmesg") with { Runtime = "runsc" };

        var result = await _scope.RunAsync(spec);

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldStartWith("sandboxed\n");
        result.Stdout.ShouldContain("gVisor");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unknown_runtime_is_refused_with_the_daemons_reason()
    {
        var spec = _scope.Spec("no-runtime", "true") with { Runtime = "no-such-runtime" };

        var error = await Should.ThrowAsync<DockerEngineException>(() => _scope.CreateAsync(spec));

        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.Message.ShouldContain("no-such-runtime");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_linux_daemon_refuses_hyperv_isolation()
    {
        var spec = _scope.Spec("hyperv", "true") with { Isolation = "hyperv" };

        var error = await Should.ThrowAsync<DockerEngineException>(() => _scope.CreateAsync(spec));

        error.Message.ShouldContain("isolation");
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
