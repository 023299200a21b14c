using System.Security.Cryptography;
using System.Text;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Core.Rotation;
using SecureLaunch.Core.Rotation.Events;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// Rotation end to end: the real Launcher, real containers, the dev Vault on the launch's fake clock. A database
/// credential reaches its max TTL and is re-fetched before it expires; KV secrets changed in Vault are picked up on the
/// next re-read; each container then gets its policy's action, and sees the new value.
/// </summary>
public sealed class RotationTests
{
    private const string DatabaseSeed = "dev: { database: { roles: { app: { ttl: 30s, maxTtl: 90s } } } }";
    private static readonly string[] DbTimer = ["lease:db"];

    [Fact]
    public async Task File_policy_rewrites_the_file_inside_the_running_container_atomically_when_the_credential_reaches_its_max_ttl()
    {
        await using var h = await RotationHarness.StartAsync(DatabaseSeed, name => $$$"""
            version: 1
            name: {{{name}}}
            secrets:
              db: { path: database/creds/app }
            containers:
              web:
                image: busybox:stable
                command: ["sh", "-c", "while :; do echo db=$$(sha256sum /run/secrets/db | cut -c1-16); sleep 0.1; done"]
                files:
                  - { target: /run/secrets/db, content: "{{ db.username }}:{{ db.password }}", mode: "0400", uid: 1000 }
            """);
        await h.WaitForOutputAsync(o => o.Contains("db=", StringComparison.Ordinal));
        var file = Path.Combine(h.LaunchDirectory, "web.files", "..data", "0");
        var before = Hash(File.ReadAllText(file));
        var container = await h.ContainerAsync("web");

        var changed = await h.DriveUntilAsync<SecretChanged>(DbTimer);
        var applied = await h.DriveUntilAsync<RotationApplied>(DbTimer);

        // The credential was replaced ahead of its max TTL, while the first one still worked
        var first = h.Vault.Leases[0];
        h.SeenOf<RefetchRequested>().ShouldHaveSingleItem().Reason.ShouldBe(RefetchReason.InsideGrace);
        first.ExpiresAt.ShouldBeGreaterThan(changed.At);
        h.SeenOf<LeaseLost>().ShouldBeEmpty();
        changed.Targets.ShouldBe(["container web"]);
        applied.Action.ShouldBe(ConsumerAction.File);

        // and the running container reads the new content through the same path
        var after = Hash(File.ReadAllText(file));
        after.ShouldNotBe(before);
        await h.WaitForOutputAsync(o => o.Contains($"db={after}", StringComparison.Ordinal));
        (await h.ContainerAsync("web")).Id.ShouldBe(container.Id);

        // never anything but the old file or the new one: no half-written file, no empty read
        var seen = Lines(h.Stdout, "db=").Distinct().ToList();
        seen.ShouldBe([before, after], h.Stdout);
        (await h.StopAsync()).Interrupted.ShouldBeTrue();
    }

    [Fact]
    public async Task Signal_policy_rewrites_the_file_then_signals_and_the_containers_trap_sees_the_new_value()
    {
        await using var h = await RotationHarness.StartAsync(DatabaseSeed, name => $$$"""
            version: 1
            name: {{{name}}}
            secrets:
              db: { path: database/creds/app, rotate: "signal:SIGHUP" }
            containers:
              web:
                image: busybox:stable
                command: ["sh", "-c", "trap 'echo reloaded=$$(sha256sum /run/secrets/db | cut -c1-16)' HUP; echo started=$$(sha256sum /run/secrets/db | cut -c1-16); while :; do sleep 0.1; done"]
                files:
                  - { target: /run/secrets/db, content: "{{ db.password }}" }
            """);
        await h.WaitForOutputAsync(o => o.Contains("started=", StringComparison.Ordinal));
        var file = Path.Combine(h.LaunchDirectory, "web.files", "..data", "0");

        var applied = await h.DriveUntilAsync<RotationApplied>(DbTimer);

        applied.Action.ShouldBe(ConsumerAction.SendSignal("SIGHUP"));
        var after = Hash(File.ReadAllText(file));
        await h.WaitForOutputAsync(o => o.Contains($"reloaded={after}", StringComparison.Ordinal));
        Lines(h.Stdout, "started=").Count.ShouldBe(1, "a signal is not a restart");
        Lines(h.Stdout, "started=").Single().ShouldNotBe(after);
    }

    [Fact]
    public async Task Restart_policy_restarts_the_same_container_with_the_new_env_and_its_own_exit_code_still_counts()
    {
        await using var h = await RotationHarness.StartAsync(DatabaseSeed, name => $$$"""
            version: 1
            name: {{{name}}}
            secrets:
              db: { path: database/creds/app }
            containers:
              web:
                image: busybox:stable
                command: ["sh", "-c", "echo started=$$(printf %s \"$$DB_USER\" | sha256sum | cut -c1-16); trap 'exit 3' USR1; while :; do sleep 0.1; done"]
                env:
                  DB_USER: "{{ db.username }}"
            """);
        await h.WaitForOutputAsync(o => o.Contains("started=", StringComparison.Ordinal));
        var envFile = Path.Combine(h.LaunchDirectory, "web.env");
        var before = Hash(EnvValue(envFile, "DB_USER"));
        var container = await h.ContainerAsync("web");

        var applied = await h.DriveUntilAsync<RotationApplied>(DbTimer);

        applied.Action.ShouldBe(ConsumerAction.Restart);
        var after = Hash(EnvValue(envFile, "DB_USER"));
        after.ShouldNotBe(before);
        await h.WaitForOutputAsync(o => o.Contains($"started={after}", StringComparison.Ordinal));
        Lines(h.Stdout, "started=").ShouldBe([before, after]);
        (await h.ContainerAsync("web")).Id.ShouldBe(container.Id, "the same container, started again");
        h.Running.IsCompleted.ShouldBeFalse("a stop made by rotation is not the container's exit");

        // When the restarted container exits on its own, its code is the launch's
        await h.Docker.SignalContainerAsync(container.Id, "SIGUSR1", TestContext.Current.CancellationToken);
        var outcome = await h.Running;
        outcome.Interrupted.ShouldBeFalse();
        outcome.ExitCode.ShouldBe(3);
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];

    private static List<string> Lines(string output, string prefix) =>
        [.. output.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..])];

    /// <summary>A value from the hidden-env file: NAME=value entries, each ended by a NUL.</summary>
    private static string EnvValue(string envFile, string name) =>
        Encoding.UTF8.GetString(File.ReadAllBytes(envFile)).Split('\0').Single(e => e.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
}
