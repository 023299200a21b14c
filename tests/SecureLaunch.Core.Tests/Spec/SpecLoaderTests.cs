using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Spec;

public sealed class SpecLoaderTests
{
    private const string Valid = """
        version: 1
        name: hello
        vault:
          address: ${VAULT_ADDR:-http://127.0.0.1:8200}
        secrets:
          stripe: { path: secret/myapp/stripe }
          db: { path: database/creds/app }
          cert: { path: pki/issue/web, method: POST, data: { common_name: web.internal, ttl: 24h } }
        containers:
          web:
            image: busybox:stable
            command: ["sh", "-c", "echo hi"]
            env:
              DB_USER: "{{ db.username }}"
              URL: "postgres://{{ db.username }}:{{ db.password }}@db"
            files:
              - { target: /run/secrets/key, content: "{{ stripe.api_key }}", mode: "0440", uid: 1000, gid: 1000 }
          worker:
            image: busybox:stable
            isolation: sandbox
        dev:
          kv: { secret/myapp/stripe: { api_key: sk_test } }
        """;

    private readonly FakeEnvironment _environment = new();

    private SpecLoadResult Load(string yaml, params string[] overrides) =>
        new SpecLoader(_environment).Load(yaml, "spec.yaml", "fallback", overrides);

    private IReadOnlyList<string> Errors(string yaml, params string[] overrides) =>
        [.. Load(yaml, overrides).Errors.Select(e => e.ToString())];

    [Fact]
    public void A_valid_spec_binds_into_an_immutable_run_spec()
    {
        var result = Load(Valid);

        result.Errors.ShouldBeEmpty();
        var spec = result.Spec!;
        spec.Name.ShouldBe("hello");
        spec.Vault.Address.ShouldBe(new Uri("http://127.0.0.1:8200"));
        spec.Secrets.Select(s => s.Name).ShouldBe(["stripe", "db", "cert"]);
        spec.Secrets[2].Method.ShouldBe("POST");
        spec.Secrets[2].BodyJson.ShouldBe("""{"common_name":"web.internal","ttl":"24h"}""");
        spec.Containers.Select(c => c.Name).ShouldBe(["web", "worker"]);
        spec.Containers[0].Command.ShouldBe(["sh", "-c", "echo hi"]);
        spec.Containers[0].Env.Select(e => e.Name).ShouldBe(["DB_USER", "URL"]);
        spec.Containers[0].Files[0].Mode.ShouldBe((UnixFileMode)0x120);
        spec.Containers[0].Files[0].Uid.ShouldBe(1000);
        spec.Containers[1].Isolation.ShouldBe(IsolationMode.Sandbox);
        spec.HasDevSeed.ShouldBeTrue();
    }

    [Fact]
    public void Containers_keep_spec_order_not_alphabetical_order()
    {
        var spec = Load(Valid.Replace("  web:", "  zeta:", StringComparison.Ordinal)).Spec!;

        spec.Containers.Select(c => c.Name).ShouldBe(["zeta", "worker"]);
    }

    [Fact]
    public void An_unknown_secret_reference_is_reported_at_the_env_entry_with_a_suggestion()
    {
        var errors = Errors(Valid.Replace("{{ db.username }}\"\n", "{{ dbb.username }}\"\n", StringComparison.Ordinal));

        errors.ShouldBe(["spec.yaml:14:17: '{{ dbb.username }}' refers to an unknown secret 'dbb'; did you mean 'db'?"]);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_its_location_and_a_suggestion() =>
        Errors(Valid.Replace("    image: busybox:stable\n    command", "    imgae: busybox:stable\n    command", StringComparison.Ordinal))
            .ShouldBe([
                "spec.yaml:10:3: container 'web' needs an 'image', e.g. busybox:stable",
                "spec.yaml:11:5: unknown key 'imgae' in 'containers.web'; did you mean 'image'?",
            ]);

    [Fact]
    public void A_missing_image_is_reported_at_the_container() =>
        Errors("version: 1\ncontainers:\n  web:\n    command: [\"true\"]\n")
            .ShouldBe(["spec.yaml:3:3: container 'web' needs an 'image', e.g. busybox:stable"]);

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        const string yaml = """
            version: 2
            secrets:
              db: { method: GET }
            containers:
              web:
                image: busybox
                isolation: vm
                env:
                  A: "{{ nope.x }}"
            """;

        Errors(yaml).ShouldBe([
            "spec.yaml:1:10: version '2' is not supported; this SecureLaunch reads version 1",
            "spec.yaml:3:3: secret 'db' needs a 'path', e.g. secret/myapp/config",
            "spec.yaml:7:16: isolation 'vm' must be process, hyperv or sandbox",
            "spec.yaml:9:11: '{{ nope.x }}' refers to an unknown secret 'nope'",
        ]);
    }

    [Fact]
    public void An_unset_environment_variable_is_reported_at_its_column() =>
        Errors("version: 1\nvault:\n  address: \"${NOT_SET}\"\ncontainers:\n  web: { image: busybox }\n")
            .ShouldBe(["spec.yaml:3:13: environment variable NOT_SET is not set (write ${NOT_SET:-} to allow an empty value)"]);

    [Fact]
    public void Yaml_syntax_errors_carry_their_location()
    {
        var errors = Errors("version: 1\ncontainers:\n  web: [unclosed\n");

        errors.ShouldHaveSingleItem().ShouldStartWith("spec.yaml:");
        errors[0].ShouldNotContain("\n");
    }

    [Fact]
    public void Environment_variables_and_set_flags_override_the_file_in_that_order()
    {
        _environment.With("SECURELAUNCH__CONTAINERS__WEB__IMAGE", "from-env").With("SECURELAUNCH__NAME", "envname");

        var spec = Load(Valid, "containers.worker.image=from-flag", "name=flagname").Spec!;

        spec.Containers[0].Image.ShouldBe("from-env");
        spec.Containers[1].Image.ShouldBe("from-flag");
        spec.Name.ShouldBe("flagname");
    }

    [Fact]
    public void Errors_in_overrides_name_the_override() =>
        Errors(Valid, "containers.web.isolation=vm").ShouldBe(["--set containers.web.isolation: isolation 'vm' must be process, hyperv or sandbox"]);

    [Fact]
    public void Request_bodies_need_a_writing_method() =>
        Errors("version: 1\nsecrets:\n  c: { path: pki/issue/web, data: { common_name: x } }\ncontainers:\n  web: { image: busybox }\n")
            .ShouldBe(["spec.yaml:3:29: 'data' is a request body: it needs 'method: POST' (or PUT)"]);

    [Fact]
    public void The_name_defaults_to_the_given_default() => Load("version: 1\ncontainers:\n  web: { image: busybox }\n").Spec!.Name.ShouldBe("fallback");

    [Fact]
    public void An_empty_spec_is_an_error() => Errors(string.Empty).ShouldBe(["spec.yaml:1:1: the spec is empty"]);
}
