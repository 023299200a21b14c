using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Spec;

public sealed class ServiceSpecTests
{
    private const string Valid = """
        version: 1
        name: hello
        secrets:
          db: { path: database/creds/app }
        services:
          api:
            image: busybox:stable
            command: ["sh", "-c", "exec sleep 300"]
            replicas: 2
            user: "1000:1000"
            env:
              DB_USER: "{{ db.username }}"
            labels: { com.example.team: payments }
            constraints: ["node.role == manager"]
            update: { parallelism: 1, delay: 1m30s, order: start-first, failureAction: rollback, monitor: 500ms }
            restart: { condition: on-failure, delay: 2s, maxAttempts: 3 }
            secrets:
              - { target: db_password, content: "{{ db.password }}", mode: "0440", uid: 1000, gid: 1001 }
              - { name: tls-key, target: /etc/app/key.pem, content: "{{ db.username }}" }
        """;

    private readonly FakeEnvironment _environment = new();

    private SpecLoadResult Load(string yaml, params string[] overrides) =>
        new SpecLoader(_environment).Load(yaml, "spec.yaml", "fallback", overrides);

    private IReadOnlyList<string> Errors(string yaml, params string[] overrides) =>
        [.. Load(yaml, overrides).Errors.Select(e => e.ToString())];

    [Fact]
    public void A_service_binds_with_its_secrets_policies_and_env()
    {
        var result = Load(Valid);

        result.Errors.ShouldBeEmpty();
        var spec = result.Spec!;
        spec.Containers.ShouldBeEmpty();
        var api = spec.Services.ShouldHaveSingleItem();
        api.Name.ShouldBe("api");
        api.Replicas.ShouldBe(2);
        api.HidesEnv.ShouldBeTrue();
        api.Labels.ShouldBe(new Dictionary<string, string> { ["com.example.team"] = "payments" });
        api.Constraints.ShouldBe(["node.role == manager"]);
        api.Update.ShouldBe(new ServiceUpdateSettings
        {
            Parallelism = 1, Delay = TimeSpan.FromSeconds(90), Order = "start-first", FailureAction = "rollback", Monitor = TimeSpan.FromMilliseconds(500),
        });
        api.Restart.ShouldBe(new ServiceRestartSettings { Condition = "on-failure", Delay = TimeSpan.FromSeconds(2), MaxAttempts = 3 });
        api.Secrets.Select(s => (s.Name, s.Target, s.Uid, s.Gid, s.Mode)).ShouldBe(
        [
            ("db_password", "db_password", 1000, 1001, (UnixFileMode)Convert.ToInt32("440", 8)),
            ("tls-key", "/etc/app/key.pem", 0, 0, UnixFileMode.UserRead),
        ]);
        api.Secrets[0].Content.References.ShouldHaveSingleItem().ToString().ShouldBe("db.password");
    }

    [Fact]
    public void A_service_can_be_scaled_from_the_command_line() =>
        Load(Valid, "services.api.replicas=5").Spec!.Services[0].Replicas.ShouldBe(5);

    [Fact]
    public void A_spec_with_neither_containers_nor_services_is_refused() =>
        Errors("version: 1\nname: x\n").ShouldBe(["spec.yaml: the spec has no containers: add at least one under 'containers:' (or a Swarm service under 'services:')"]);

    [Theory]
    [InlineData("- { target: db_password, content: \"{{ db.password }}\", mode: \"0440\", uid: 1000, gid: 1001 }",
        "- { target: db_password, content: \"{{ db.password }}\", mode: \"rw\" }", "spec.yaml:18:69: mode 'rw' must be an octal file mode from 0000 to 0777, e.g. \"0400\"")]
    [InlineData("- { target: db_password, content: \"{{ db.password }}\", mode: \"0440\", uid: 1000, gid: 1001 }",
        "- { target: db_password, content: \"{{ db.password }}\", uid: app }", "spec.yaml:18:67: 'app' is not a whole number from 0 to 2147483647")]
    [InlineData("- { target: db_password, content: \"{{ db.password }}\", mode: \"0440\", uid: 1000, gid: 1001 }",
        "- { target: run/db_password, content: \"{{ db.password }}\" }", "spec.yaml:18:9: each secret needs a 'target': a file name under /run/secrets (db_password) or an absolute path (/etc/app/key.pem)")]
    [InlineData("- { target: db_password, content: \"{{ db.password }}\", mode: \"0440\", uid: 1000, gid: 1001 }",
        "- { target: /.securelaunch/env, content: \"{{ db.password }}\" }", "spec.yaml:18:9: each secret needs a 'target': a file name under /run/secrets (db_password) or an absolute path (/etc/app/key.pem)")]
    [InlineData("- { target: db_password, content: \"{{ db.password }}\", mode: \"0440\", uid: 1000, gid: 1001 }",
        "- { target: /etc/app/key.pem, content: \"{{ db.password }}\" }", "spec.yaml:19:34: '/etc/app/key.pem' is the target of another secret of this service")]
    [InlineData("- { target: db_password, content: \"{{ db.password }}\", mode: \"0440\", uid: 1000, gid: 1001 }",
        "- { target: /srv/tls-key, content: \"{{ db.password }}\" }", "spec.yaml:19:9: another secret of service 'api' is already named 'tls-key'; give one a 'name:'")]
    [InlineData("- { target: db_password, content: \"{{ db.password }}\", mode: \"0440\", uid: 1000, gid: 1001 }",
        "- { target: \"/etc/app/key_\", content: \"{{ db.password }}\" }", "spec.yaml:18:20: 'key_' cannot name a Swarm secret: give the secret a 'name:' of letters, digits, '-', '_' or '.', starting and ending with a letter or digit")]
    [InlineData("- { target: db_password, content: \"{{ db.password }}\", mode: \"0440\", uid: 1000, gid: 1001 }",
        "- { name: sl-env, target: db_password, content: \"{{ db.password }}\" }", "spec.yaml:18:17: 'sl-env' is the name SecureLaunch gives the hidden env; give this secret another 'name:'")]
    [InlineData("- { target: db_password, content: \"{{ db.password }}\", mode: \"0440\", uid: 1000, gid: 1001 }",
        "- { target: db_password }", "spec.yaml:18:9: secret 'db_password' needs a 'content', e.g. \"{{ mysecret.field }}\"")]
    [InlineData("- { target: db_password, content: \"{{ db.password }}\", mode: \"0440\", uid: 1000, gid: 1001 }",
        "- { target: db_password, content: \"{{ dbb.password }}\" }", "spec.yaml:18:42: '{{ dbb.password }}' refers to an unknown secret 'dbb'; did you mean 'db'?")]
    [InlineData("replicas: 2", "replicas: many", "spec.yaml:9:15: 'many' is not a whole number from 0 to 1000")]
    [InlineData("order: start-first", "order: start-frist", "spec.yaml:15:52: order 'start-frist' must be stop-first or start-first; did you mean 'start-first'?")]
    [InlineData("delay: 1m30s", "delay: 90", "spec.yaml:15:38: delay '90' is not a duration: write e.g. 30s, 1m30s or 500ms")]
    [InlineData("condition: on-failure", "condition: always", "spec.yaml:16:27: condition 'always' must be any, on-failure or none")]
    [InlineData("constraints: [\"node.role == manager\"]", "constraints: [\"node.role\"]", "spec.yaml:14:20: constraint 'node.role' must compare with == or !=, e.g. \"node.role == manager\"")]
    [InlineData("labels: { com.example.team: payments }", "labels: { securelaunch.launch: mine }", "spec.yaml:13:15: label 'securelaunch.launch': labels starting with 'securelaunch.' are SecureLaunch's own (it finds and cleans up its containers by them)")]
    [InlineData("user: \"1000:1000\"", "runtime: runsc", "spec.yaml:10:5: services run with the daemon's default runtime, which a service cannot choose; 'runtime' is for containers")]
    [InlineData("image: busybox:stable", "imag: busybox:stable", "spec.yaml:7:5: unknown key 'imag' in 'services.api'; did you mean 'image'?")]
    public void Bad_service_input_is_one_error_at_its_place(string replace, string with, string error) =>
        Errors(Valid.Replace(replace, with, StringComparison.Ordinal)).ShouldContain(error);

    [Fact]
    public void Names_too_long_for_swarm_are_refused_before_anything_starts()
    {
        var longName = "launch" + new string('x', 40);

        var errors = Errors(Valid.Replace("name: hello", $"name: {longName}", StringComparison.Ordinal));

        errors.ShouldContain($"spec.yaml:6:3: the Swarm secret for 'api.sl-env' would be named with {longName.Length + 3 + 8 + 12 + 10} characters, more than Swarm's 64; shorten the launch, service or secret name");
        errors.ShouldContain(e => e.StartsWith("spec.yaml:18:9: the Swarm secret for 'api.db_password'", StringComparison.Ordinal));
    }

    [Fact]
    public void Exposure_config_needs_no_env_secret()
    {
        var api = Load(Valid.Replace("    replicas: 2", "    replicas: 2\n    exposure: config", StringComparison.Ordinal)).Spec!.Services[0];

        api.Exposure.ShouldBe(EnvExposure.Config);
        api.HidesEnv.ShouldBeFalse();
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1h1m1s1ms", 3_661_001)]
    public void Durations_are_read_as_docker_writes_them(string text, long milliseconds)
    {
        Durations.TryParse(text, out var duration).ShouldBeTrue();
        duration.ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("s")]
    [InlineData("1.5s")]
    [InlineData("-1s")]
    [InlineData("1d")]
    [InlineData("99999999999999999999h")]
    public void Malformed_durations_are_refused(string text) =>
        Durations.TryParse(text, out _).ShouldBeFalse();
}
