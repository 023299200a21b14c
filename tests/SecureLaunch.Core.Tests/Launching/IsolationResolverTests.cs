using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using Shouldly;

namespace SecureLaunch.Core.Tests.Launching;

public sealed class IsolationResolverTests
{
    private static EngineInfo Engine(string os, params string[] runtimes) => new()
    {
        ServerVersion = "20.10.24",
        ApiVersion = "1.41",
        OSType = os,
        Runtimes = runtimes,
        DefaultRuntime = "runc",
        SwarmState = "active",
    };

    private static ContainerDefinition Container(IsolationMode mode, string? runtime = null) => new()
    {
        Name = "web",
        Image = "busybox",
        Isolation = mode,
        Runtime = runtime,
        Location = new SourceLocation("spec.yaml", 3, 3),
    };

    [Fact]
    public void Process_on_linux_uses_the_default_runtime() =>
        IsolationResolver.Resolve(Container(IsolationMode.Process), Engine("linux", "runc", "runsc")).ShouldBe((null, null));

    [Fact]
    public void Sandbox_on_linux_picks_a_registered_sandboxing_runtime() =>
        IsolationResolver.Resolve(Container(IsolationMode.Sandbox), Engine("linux", "runc", "runsc")).ShouldBe(("runsc", null));

    [Fact]
    public void Sandbox_on_linux_without_a_sandboxing_runtime_is_refused_with_what_there_is() =>
        Should.Throw<LaunchException>(() => IsolationResolver.Resolve(Container(IsolationMode.Sandbox), Engine("linux", "runc")))
            .Message.ShouldBe("spec.yaml:3:3: container 'web': isolation 'sandbox' needs a sandboxing runtime (runsc or kata) registered with the daemon; it has: runc");

    [Fact]
    public void Hyperv_on_linux_is_refused_with_a_hint_to_use_sandbox() =>
        Should.Throw<LaunchException>(() => IsolationResolver.Resolve(Container(IsolationMode.Hyperv), Engine("linux", "runc", "runsc")))
            .Message.ShouldContain("Use 'isolation: sandbox'");

    [Theory]
    [InlineData(IsolationMode.Process, "process")]
    [InlineData(IsolationMode.Hyperv, "hyperv")]
    [InlineData(IsolationMode.Sandbox, "hyperv")]
    public void Windows_daemons_get_host_config_isolation(IsolationMode mode, string expected) =>
        IsolationResolver.Resolve(Container(mode), Engine("windows")).ShouldBe((null, expected));

    [Fact]
    public void An_explicit_runtime_must_be_registered() =>
        Should.Throw<LaunchException>(() => IsolationResolver.Resolve(Container(IsolationMode.Process, "kata"), Engine("linux", "runc")))
            .Message.ShouldContain("runtime 'kata' is not registered");
}
