using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Core.Swarm;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Images;
using SecureLaunch.Docker.Swarm;
using SecureLaunch.Vault.Secrets;
using Shouldly;
using System.Text.Json;

namespace SecureLaunch.Core.Tests.Swarm;

/// <summary>What a launch with services refuses before it creates anything in Swarm: one line each, with the spec location.</summary>
public sealed class SwarmDeploymentChecksTests
{
    private static readonly SwarmStatus Manager = new() { LocalNodeState = "active", IsManager = true, NodeId = "n1" };

    private static readonly EngineInfo Linux = new()
    {
        ServerVersion = "20.10", ApiVersion = "1.41", OSType = "linux", Runtimes = ["runc", "runsc"], DefaultRuntime = "runc", SwarmState = "active",
    };

    [Theory]
    [InlineData("inactive", false, "spec.yaml:6:3: services need swarm mode, and this daemon's swarm state is 'inactive'; run 'docker swarm init' (or join a swarm), or move the services under 'containers:'")]
    [InlineData("active", false, "spec.yaml:6:3: services need a swarm manager, and this daemon is a worker node; point DOCKER_HOST at a manager")]
    public async Task Services_without_a_swarm_manager_are_one_line_and_nothing_is_created(string state, bool manager, string error)
    {
        var engines = new RefusingEngines(new SwarmStatus { LocalNodeState = state, IsManager = manager });

        var thrown = await Should.ThrowAsync<LaunchException>(() => SwarmDeployment.DeployAsync(Request(Spec(), engines, "v"), TestContext.Current.CancellationToken));

        thrown.Message.ShouldBe(error);
        engines.Writes.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, "spec.yaml:9:9: secret 'api.token' renders empty, and Swarm refuses empty secrets")]
    [InlineData(SwarmObjectLimits.MaxSecretBytes + 1, "spec.yaml:9:9: secret 'api.token' is 512000 bytes; a Swarm secret must be under 500 KiB (at most 511999 bytes)")]
    public async Task A_secret_swarm_would_refuse_is_refused_with_its_place_before_anything_is_created(int size, string error)
    {
        var engines = new RefusingEngines(Manager);

        var thrown = await Should.ThrowAsync<LaunchException>(() => SwarmDeployment.DeployAsync(Request(Spec(), engines, new string('x', size)), TestContext.Current.CancellationToken));

        thrown.Message.ShouldBe(error);
        engines.Writes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Hidden_env_for_a_user_the_host_cannot_map_is_refused_with_a_way_out()
    {
        var engines = new RefusingEngines(Manager);
        var spec = Spec("    user: app\n    env: { TOKEN: \"{{ app.token }}\" }\n");

        var thrown = await Should.ThrowAsync<LaunchException>(() => SwarmDeployment.DeployAsync(Request(spec, engines, "v"), TestContext.Current.CancellationToken));

        thrown.Message.ShouldBe("spec.yaml:6:3: service 'api' runs as user 'app', which cannot be mapped to a uid for the hidden env secret; set 'user:' to a numeric uid[:gid], or 'exposure: config'");
        engines.Writes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Hidden_env_in_a_windows_image_is_refused()
    {
        var engines = new RefusingEngines(Manager, new ImageDetails { OperatingSystem = "windows" });
        var spec = Spec("    env: { TOKEN: \"{{ app.token }}\" }\n");

        var thrown = await Should.ThrowAsync<LaunchException>(() => SwarmDeployment.DeployAsync(Request(spec, engines, "v"), TestContext.Current.CancellationToken));

        thrown.Message.ShouldBe("spec.yaml:6:3: service 'api': hidden env needs a Linux image (SecureLaunch's init is a Linux binary); set 'exposure: config' to pass env visibly");
    }

    [Theory]
    [InlineData("windows", "node.platform.os == windows")]
    [InlineData("linux", "node.platform.os == linux")]
    public void The_image_os_becomes_a_placement_constraint(string os, string constraint)
    {
        var spec = Spec("    constraints: [\"node.role == manager\"]\n");
        var request = Request(spec, new RefusingEngines(Manager), "v");

        var rendered = ServiceRenderer.Render(request, spec.Services[0], new ImageDetails { OperatingSystem = os });

        rendered.Spec.Constraints.ShouldBe(["node.role == manager", constraint]);
        rendered.Spec.Labels.ShouldContainKeyAndValue(LaunchLabels.Launch, "0123abcd");
        rendered.Spec.Name.ShouldBe("demo-api-0123abcd");
        rendered.Secrets.ShouldHaveSingleItem().Slot.ShouldBe("api.token");
    }

    [Fact]
    public void Hidden_env_makes_the_init_the_entrypoint_and_leaves_no_value_in_the_spec()
    {
        var spec = Spec("    user: \"1000:1001\"\n    env: { TOKEN: \"{{ app.token }}\" }\n    command: [\"sh\", \"-c\", \"echo hi\"]\n");
        var request = Request(spec, new RefusingEngines(Manager), "the-value");

        var rendered = ServiceRenderer.Render(request, spec.Services[0], new ImageDetails { Entrypoint = ["/bin/entry"], OperatingSystem = "linux" });

        rendered.NeedsInit.ShouldBeTrue();
        rendered.Spec.Entrypoint.ShouldBe([HiddenEnvironment.InitPath, "--"]);
        rendered.Spec.Command.ShouldBe(["/bin/entry", "sh", "-c", "echo hi"], "the image's entrypoint runs the spec's command, as Docker does");
        rendered.Spec.Environment.ShouldBeEmpty();
        var env = rendered.Secrets.Single(s => s.Slot == "api.sl-env");
        (env.Target, env.Uid, env.Gid, env.Mode).ShouldBe((HiddenEnvironment.EnvFilePath, 1000, 1001, UnixFileMode.UserRead));
        env.Content.ShouldBe("TOKEN=the-value\0"u8.ToArray());
    }

    [Theory]
    [InlineData(IsolationMode.Process, "linux", "runc", null)]
    [InlineData(IsolationMode.Sandbox, "linux", "runsc", null)]
    [InlineData(IsolationMode.Process, "windows", "", "process")]
    [InlineData(IsolationMode.Hyperv, "windows", "", "hyperv")]
    [InlineData(IsolationMode.Sandbox, "windows", "", "hyperv")]
    public void Isolation_maps_onto_what_a_service_can_have(IsolationMode mode, string os, string defaultRuntime, string? expected) =>
        SwarmIsolation.Resolve(Service(mode), Linux with { OSType = os, DefaultRuntime = defaultRuntime }).ShouldBe(expected);

    [Fact]
    public void Hyperv_on_linux_is_refused() =>
        Should.Throw<LaunchException>(() => SwarmIsolation.Resolve(Service(IsolationMode.Hyperv), Linux))
            .Message.ShouldBe("spec.yaml:6:3: service 'api': isolation 'hyperv' needs a Windows daemon; this one runs Linux");

    [Fact]
    public void Sandbox_without_any_sandboxing_runtime_says_so() =>
        Should.Throw<LaunchException>(() => SwarmIsolation.Resolve(Service(IsolationMode.Sandbox), Linux with { Runtimes = ["runc"] }))
            .Message.ShouldBe("spec.yaml:6:3: service 'api': isolation 'sandbox' needs the daemon's default runtime to sandbox, because Swarm runs every task with it; this daemon's default is 'runc' and no sandboxing runtime (runsc, kata) is registered");

    private static ServiceDefinition Service(IsolationMode mode) => Spec().Services[0] with { Isolation = mode };

    private static RunSpec Spec(string extra = "")
    {
        var yaml = "version: 1\nname: demo\nsecrets:\n  app: { path: secret/app }\nservices:\n  api:\n    image: busybox:stable\n" + extra
            + "    secrets:\n      - target: token\n        content: \"{{ app.token }}\"\n";
        var result = new SpecLoader(new FakeEnvironment()).Load(yaml, "spec.yaml", "demo", []);
        result.Errors.ShouldBeEmpty();
        return result.Spec!;
    }

    private static SwarmDeploymentRequest Request(RunSpec spec, RefusingEngines engines, string value)
    {
        var secrets = new SecretSet();
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(value));
        secrets.Add(spec.Secrets[0], new VaultSecret { Path = "secret/app", Data = new Dictionary<string, JsonElement> { ["token"] = document.RootElement.Clone() } });
        return new SwarmDeploymentRequest
        {
            Spec = spec,
            LaunchId = "0123abcd",
            Secrets = secrets,
            Engine = Linux,
            Swarm = engines,
            Docker = engines,
            Mask = new SecretMask(),
            StandardOutput = Stream.Null,
            StandardError = Stream.Null,
            Logger = NullLogger.Instance,
            InitBinaryPath = "/nonexistent/sl-init",
        };
    }
}
