using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Core.Rotation;
using SecureLaunch.Core.Rotation.Events;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>KV secrets are read again on their refresh interval; only a real change of content causes an action.</summary>
public sealed class KvRotationTests
{
    private const string Seed = """
        dev:
          kv:
            secret/app/a: { key: alpha-value-0001 }
            secret/app/b: { key: bravo-value-0001 }
        """;

    private static readonly string[] Timers = ["lease:a", "lease:b"];

    [Fact]
    public async Task Two_secrets_changing_within_the_debounce_cause_one_restart_and_the_new_values_are_masked()
    {
        await using var h = await RotationHarness.StartAsync(Seed, name => $$$"""
            version: 1
            name: {{{name}}}
            secrets:
              a: { path: secret/app/a, refresh: 1m }
              b: { path: secret/app/b, refresh: 1m }
            containers:
              web:
                image: busybox:stable
                command: ["sh", "-c", "echo started a=$$A b=$$B; while :; do sleep 0.1; done"]
                env: { A: "{{ a.key }}", B: "{{ b.key }}" }
            """);
        await h.WaitForOutputAsync(o => o.Contains("started", StringComparison.Ordinal));
        await h.WriteKvAsync("secret/app/a", new Dictionary<string, string> { ["key"] = "alpha-value-0002" });
        await h.WriteKvAsync("secret/app/b", new Dictionary<string, string> { ["key"] = "bravo-value-0002" });

        var applied = await h.DriveUntilAsync<RotationApplied>(Timers);

        applied.Action.ShouldBe(ConsumerAction.Restart);
        applied.Secrets.ShouldBe(["a", "b"], ignoreOrder: true);
        applied.At.ShouldBe(RotationHarness.T0 + TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(2), "one debounce after both changes, seen at the same re-read");
        h.SeenOf<SecretChanged>().Count.ShouldBe(2);
        await h.WaitForOutputAsync(o => o.Split('\n').Count(l => l.StartsWith("started", StringComparison.Ordinal)) == 2);

        // The next re-reads find the same content: nothing more happens
        await h.DriveUntilAsync<SecretUnchanged>(Timers, e => e.SecretName == "a");
        await h.DriveUntilAsync<SecretUnchanged>(Timers, e => e.SecretName == "b");
        h.SeenOf<RotationScheduled>().Select(s => s.At).ShouldAllBe(at => at < applied.At);
        h.SeenOf<RotationApplied>().ShouldHaveSingleItem();

        h.Stdout.ShouldBe("started a=***** b=*****\nstarted a=***** b=*****\n");
        (await h.StopAsync()).Interrupted.ShouldBeTrue();
        h.Stdout.ShouldNotContain("value-000");
    }

    [Fact]
    public async Task A_reread_with_unchanged_content_does_nothing_to_the_container()
    {
        await using var h = await RotationHarness.StartAsync(Seed, name => $$$"""
            version: 1
            name: {{{name}}}
            secrets:
              a: { path: secret/app/a, refresh: 1m }
            containers:
              web:
                image: busybox:stable
                command: ["sh", "-c", "echo started; while :; do cat /run/secrets/a; echo; sleep 0.1; done"]
                files:
                  - { target: /run/secrets/a, content: "{{ a.key }}" }
            """);
        await h.WaitForOutputAsync(o => o.Contains("*****", StringComparison.Ordinal));

        var unchanged = await h.DriveUntilAsync<SecretUnchanged>(["lease:a"]);
        await h.DriveUntilAsync<SecretRefetched>(["lease:a"], e => e.At > unchanged.At);

        unchanged.At.ShouldBe(RotationHarness.T0 + TimeSpan.FromMinutes(1));
        h.SeenOf<SecretChanged>().ShouldBeEmpty();
        h.SeenOf<RotationScheduled>().ShouldBeEmpty();
        h.Stdout.Split('\n').Count(l => l == "started").ShouldBe(1);
    }

    [Fact]
    public async Task A_changed_file_secret_is_rewritten_and_its_new_value_printed_by_the_container_is_masked()
    {
        await using var h = await RotationHarness.StartAsync(Seed, name => $$$"""
            version: 1
            name: {{{name}}}
            secrets:
              a: { path: secret/app/a, refresh: 1m }
            containers:
              web:
                image: busybox:stable
                command: ["sh", "-c", "while :; do echo \"a=$$(cat /run/secrets/a)\"; sleep 0.1; done"]
                files:
                  - { target: /run/secrets/a, content: "{{ a.key }}" }
            """);
        await h.WaitForOutputAsync(o => o.Contains("a=*****", StringComparison.Ordinal));
        await h.WriteKvAsync("secret/app/a", new Dictionary<string, string> { ["key"] = "alpha-value-0002" });

        (await h.DriveUntilAsync<RotationApplied>(["lease:a"])).Action.ShouldBe(ConsumerAction.File);
        var file = Path.Combine(h.LaunchDirectory, "web.files", "..data", "0");
        File.ReadAllText(file).ShouldBe("alpha-value-0002");
        var linesBefore = h.Stdout.Length;
        await h.WaitForOutputAsync(o => o.Length > linesBefore + 200);

        (await h.StopAsync()).Interrupted.ShouldBeTrue();
        h.Stdout.ShouldNotContain("alpha-value");
        h.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(l => l == "a=*****");
    }
}
