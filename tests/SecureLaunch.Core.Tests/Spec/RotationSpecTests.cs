using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Spec;

public sealed class RotationSpecTests
{
    private static string Yaml(string secretExtra, string top = "") => $$$"""
        version: 1
        {{{top}}}
        secrets:
          db: { path: database/creds/app{{{secretExtra}}} }
        containers:
          web:
            image: busybox:stable
            env: { DB_USER: "{{ db.username }}" }
        """;

    private static SpecLoadResult Load(string yaml) => new SpecLoader(new FakeEnvironment()).Load(yaml, "spec.yaml", "t", []);

    private static IReadOnlyList<string> Errors(string yaml) => [.. Load(yaml).Errors.Select(e => e.ToString())];

    [Fact]
    public void Without_rotation_settings_the_defaults_apply()
    {
        var spec = Load(Yaml("")).Spec!;

        spec.Rotation.Debounce.ShouldBe(TimeSpan.FromSeconds(2));
        spec.Rotation.RateLimit.ShouldBe(new Rate(1, TimeSpan.FromSeconds(30)));
        spec.Secrets[0].Rotate.ShouldBeNull();
        spec.Secrets[0].Refresh.ShouldBeNull();
        spec.Secrets[0].MintBudget.ShouldBeNull();
    }

    [Theory]
    [InlineData("file", "file")]
    [InlineData("restart", "restart")]
    [InlineData("none", "none")]
    [InlineData("signal", "signal:SIGHUP")]
    [InlineData("\"signal:SIGUSR1\"", "signal:SIGUSR1")]
    [InlineData("\"signal:hup\"", "signal:SIGHUP")]
    [InlineData("\"signal:RTMIN+3\"", "signal:SIGRTMIN+3")]
    public void Rotate_policies_bind(string written, string bound) =>
        Load(Yaml($", rotate: {written}")).Spec!.Secrets[0].Rotate!.ToString().ShouldBe(bound);

    [Fact]
    public void Rotation_settings_refresh_and_mint_budget_bind()
    {
        var spec = Load(Yaml(", refresh: 1m30s, mintBudget: 3/10m", "rotation: { debounce: 500ms, rateLimit: 2/1m }")).Spec!;

        spec.Rotation.Debounce.ShouldBe(TimeSpan.FromMilliseconds(500));
        spec.Rotation.RateLimit.ShouldBe(new Rate(2, TimeSpan.FromMinutes(1)));
        spec.Secrets[0].Refresh.ShouldBe(TimeSpan.FromSeconds(90));
        spec.Secrets[0].MintBudget.ShouldBe(new Rate(3, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void A_misspelt_policy_is_reported_at_its_value_with_a_suggestion() =>
        Errors(Yaml(", rotate: restrat")).ShouldBe(["spec.yaml:4:43: rotate 'restrat' must be file, signal:SIGHUP (or another signal), restart or none; did you mean 'restart'?"]);

    [Fact]
    public void An_unknown_signal_and_an_uncatchable_one_are_refused()
    {
        Errors(Yaml(", rotate: \"signal:SIGHUPP\"")).ShouldHaveSingleItem().ShouldContain("'SIGHUPP' is not a signal name; write e.g. signal:SIGHUP, signal:SIGUSR1; did you mean 'SIGHUP'?");
        Errors(Yaml(", rotate: \"signal:KILL\"")).ShouldHaveSingleItem().ShouldContain("SIGKILL cannot be caught, so it cannot ask a process to reload; use 'rotate: restart'");
    }

    [Fact]
    public void Bad_durations_and_rates_are_reported_with_an_example()
    {
        var errors = Errors(Yaml(", refresh: 5 minutes, mintBudget: one/1m", "rotation: { debounce: -2s, rateLimit: 1/0s }"));

        errors.ShouldBe([
            "spec.yaml:2:23: debounce '-2s' must be a duration, e.g. 500ms, 2s, 5m, 1h30m",
            "spec.yaml:2:39: rateLimit '1/0s' must be a count from 1 to 1000 and a window of at least 1s, e.g. 1/30s (one per 30 seconds) or 3/10m",
            "spec.yaml:4:44: refresh '5 minutes' must be a duration of at least 1s, e.g. 500ms, 2s, 5m, 1h30m",
            "spec.yaml:4:67: mintBudget 'one/1m' must be a count from 1 to 1000 and a window of at least 1s, e.g. 1/30s (one per 30 seconds) or 3/10m",
        ], ignoreOrder: true);
    }

    [Fact]
    public void An_unknown_key_in_rotation_is_reported() =>
        Errors(Yaml("", "rotation: { debounse: 2s }")).ShouldHaveSingleItem().ShouldContain("unknown key 'debounse' in 'rotation'; did you mean 'debounce'?");

    [Theory]
    [InlineData("2s", 2000)]
    [InlineData("500ms", 500)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("0", 0)]
    [InlineData("1m0s", 60_000)]
    public void Durations_parse_as_go_writes_them(string text, int milliseconds)
    {
        Durations.TryParse(text, out var value).ShouldBeTrue();
        value.ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("s")]
    [InlineData("2 s")]
    [InlineData("2d")]
    [InlineData("-1s")]
    [InlineData("1.5s")]
    public void Malformed_durations_are_refused(string text) => Durations.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("file")]
    [InlineData("signal:SIGHUP")]
    public void A_file_rotated_in_place_in_a_read_only_container_is_a_spec_error(string rotate)
    {
        var errors = Errors($$$"""
            version: 1
            secrets:
              db: { path: database/creds/app, rotate: "{{{rotate}}}" }
            containers:
              web:
                image: busybox:stable
                read_only: true
                files: [{ target: /run/db.json, content: "{{ db.password }}" }]
            """);

        errors.ShouldHaveSingleItem().ShouldContain($"secret 'db' rotates by {rotate} but container 'web' has read_only: true");
    }

    [Fact]
    public void A_read_only_container_s_files_rotate_by_restart_when_the_spec_does_not_say()
    {
        var spec = Load("""
            version: 1
            secrets:
              db: { path: database/creds/app }
            containers:
              web:
                image: busybox:stable
                read_only: true
                files: [{ target: /run/db.json, content: "{{ db.password }}" }]
            """).Spec!;

        Core.Rotation.RotationPlan.ActionsFor(spec.Containers[0], spec.Secrets)["db"].Kind.ShouldBe(RotationKind.Restart);
        Core.Rotation.RotationPlan.NeedsLiveFiles(spec.Containers[0], spec.Secrets).ShouldBeFalse();
    }

    [Fact]
    public void Durations_format_back_to_their_shortest_form()
    {
        Durations.Format(TimeSpan.FromSeconds(90)).ShouldBe("1m30s");
        Durations.Format(TimeSpan.FromMilliseconds(500)).ShouldBe("500ms");
        new Rate(1, TimeSpan.FromMinutes(1)).ToString().ShouldBe("1/1m");
    }
}
