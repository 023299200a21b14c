using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Core.Swarm;
using SecureLaunch.Docker;
using SecureLaunch.Vault.Secrets;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// Rotation of a Swarm secret on the real single-node swarm: the running service ends up reading the new value
/// from the same file, and the old version is gone.
/// </summary>
public sealed class SwarmRotationTests : IAsyncDisposable
{
    private readonly DockerEngine _docker = new(new DockerEngineOptions { Endpoint = DockerEndpoint.Resolve(Environment.GetEnvironmentVariable("DOCKER_HOST")) }, NullLogger.Instance);
    private readonly SyncedStream _stdout = new();
    private readonly string _name = $"rot-{Guid.NewGuid():N}"[..12];

    [Fact(Timeout = 240_000)]
    public async Task A_rotated_secret_reaches_the_running_service_on_the_same_target_and_the_old_version_goes()
    {
        var token = TestContext.Current.CancellationToken;
        var spec = LoadSpec();
        await using var deployment = await SwarmDeployment.DeployAsync(Request(spec, Secrets(spec, "first-value")), token);
        await WaitForAsync("sees first-value / 0400 1000\n");
        var before = deployment.Slots.Single(s => s.Name == "api.token");

        var rotated = await deployment.RotateSecretAsync("api.token", "second-value", token);
        await WaitForAsync("sees second-value / 0400 1000\n");
        var after = deployment.Slots.Single(s => s.Name == "api.token");
        var unchanged = await deployment.RotateSecretAsync("api.token", "second-value", token);

        rotated.ShouldBeTrue();
        unchanged.ShouldBeFalse();
        before.References.ShouldBe(["app"]);
        after.Target.ShouldBe("token");
        after.SwarmSecretName.ShouldNotBe(before.SwarmSecretName);
        after.SwarmSecretName[..^12].ShouldBe(before.SwarmSecretName[..^12]);
        var secrets = await _docker.ListSecretsAsync(Launch(deployment), token);
        secrets.Select(s => s.Name).ShouldNotContain(before.SwarmSecretName);
        secrets.Select(s => s.Name).ShouldContain(after.SwarmSecretName);
        var service = (await _docker.ListServicesAsync(Launch(deployment), token)).ShouldHaveSingleItem();
        var running = (await _docker.ListTasksAsync(service.Id, token)).Where(t => t.IsRunning).ToList();
        running.Count.ShouldBe(2);
        running.ShouldAllBe(t => t.SecretIds.Contains(secrets.Single(s => s.Name == after.SwarmSecretName).Id));
    }

    [Fact(Timeout = 240_000)]
    public async Task A_refresh_rotates_the_secrets_and_hidden_env_whose_content_changed_and_nothing_else()
    {
        var token = TestContext.Current.CancellationToken;
        var spec = LoadSpec(env: "    env: { APP_TOKEN: \"{{ app.token }}\" }\n");
        await using var deployment = await SwarmDeployment.DeployAsync(Request(spec, Secrets(spec, "first-value")), token);
        await WaitForAsync("sees first-value / 0400 1000\n");
        var before = deployment.Slots.ToDictionary(s => s.Name, s => s.SwarmSecretName);

        var count = await deployment.RefreshAsync(Secrets(spec, "third-value"), token);
        await WaitForAsync("sees third-value / 0400 1000\n");
        var again = await deployment.RefreshAsync(Secrets(spec, "third-value"), token);

        count.ShouldBe(2);
        again.ShouldBe(0);
        before.Keys.Order().ShouldBe(["api.sl-env", "api.token"]);
        deployment.Slots.ShouldAllBe(s => s.SwarmSecretName != before[s.Name]);
        _stdout.Text.ShouldContain("env third-value\n");
        (await _docker.ListSecretsAsync(Launch(deployment), token)).Select(s => s.Name).Order()
            .ShouldBe(deployment.Slots.Select(s => s.SwarmSecretName).Order());
    }

    public async ValueTask DisposeAsync()
    {
        var labels = new Dictionary<string, string> { [LaunchLabels.Name] = _name };
        (await _docker.ListServicesAsync(labels, CancellationToken.None)).ShouldBeEmpty();
        (await _docker.ListSecretsAsync(labels, CancellationToken.None)).ShouldBeEmpty();
        (await _docker.ListConfigsAsync(labels, CancellationToken.None)).ShouldBeEmpty();
        _docker.Dispose();
    }

    private RunSpec LoadSpec(string env = "")
    {
        var yaml = $$$"""
            version: 1
            name: {{{_name}}}
            secrets:
              app: { path: secret/app }
            services:
              api:
                image: busybox:stable
                replicas: 2
                user: "1000"
                update: { parallelism: 1, order: start-first }
                command: ["sh", "-c", "echo \"sees $$(cat /run/secrets/token) / $$(stat -c '0%a %u' /run/secrets/token)\"; echo \"env $$APP_TOKEN\"; exec sleep 300"]
                secrets:
                  - { target: token, content: "{{ app.token }}", uid: 1000 }

            """ + env;
        var result = new SpecLoader(new TestEnvironment(Path.GetTempPath())).Load(yaml, "rotation.yaml", _name, []);
        result.Errors.ShouldBeEmpty();
        return result.Spec!;
    }

    private static SecretSet Secrets(RunSpec spec, string value)
    {
        var secrets = new SecretSet();
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(value));
        secrets.Add(spec.Secrets[0], new VaultSecret
        {
            Path = "secret/app",
            Data = new Dictionary<string, JsonElement> { ["token"] = document.RootElement.Clone() },
        });
        return secrets;
    }

    private SwarmDeploymentRequest Request(RunSpec spec, SecretSet secrets) => new()
    {
        Spec = spec,
        LaunchId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8],
        Secrets = secrets,
        Engine = new EngineInfo { ServerVersion = "", ApiVersion = "", OSType = "linux", Runtimes = ["runc"], DefaultRuntime = "runc", SwarmState = "active" },
        Swarm = _docker,
        Docker = _docker,
        Mask = new SecretMask(),
        StandardOutput = _stdout,
        StandardError = Stream.Null,
        Logger = NullLogger.Instance,
        InitBinaryPath = Path.Combine(AppContext.BaseDirectory, HiddenEnvironment.InitRelativePath),
        StopGrace = TimeSpan.FromSeconds(1),
    };

    private static IReadOnlyDictionary<string, string> Launch(SwarmDeployment deployment) =>
        new Dictionary<string, string> { [LaunchLabels.Launch] = deployment.LaunchId };

    private async Task WaitForAsync(string text)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        while (!_stdout.Text.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Keeps what the service logs write, readable while they write.</summary>
    private sealed class SyncedStream : Stream
    {
        private readonly MemoryStream _bytes = new();

        public string Text
        {
            get
            {
                lock (_bytes)
                {
                    return Encoding.UTF8.GetString(_bytes.ToArray());
                }
            }
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (_bytes)
            {
                _bytes.Write(buffer, offset, count);
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
