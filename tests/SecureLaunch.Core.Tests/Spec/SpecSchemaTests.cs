using System.Reflection;
using System.Text.Json;
using Json.Schema;
using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Spec;

/// <summary>
/// The generated JSON Schema and the binder must agree: a spec the binder accepts passes the schema, and the
/// mistakes a schema can see (unknown keys, wrong types and values, missing keys) fail both.
/// The binder checks more than the schema can (secret references, credential sources); those are not compared.
/// </summary>
public sealed class SpecSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(SpecSchema.ToJsonSchema());

    private const string Minimal = "version: 1\ncontainers:\n  web: { image: busybox:stable }\n";

    public static TheoryData<string> AcceptedSpecs => new(
        Minimal,
        """
        version: 1
        name: hello
        x-common: &ignored { any: thing }
        vault:
          address: https://vault.example:8200
          namespace: team-a
          tls: { caCert: /etc/ca.pem, skipVerify: true }
          unseal: { keysFile: /run/unseal.json }
        secrets:
          stripe: { path: secret/myapp/stripe, version: 3 }
          cert: { path: pki/issue/web, method: POST, data: { common_name: web.internal, alt_names: [a, b] } }
        containers:
          web:
            image: busybox:stable
            command: ["sh", "-c", "echo hi"]
            entrypoint: ["/bin/sh"]
            env: { KEY: "{{ stripe.api_key }}", _PLAIN: plain }
            exposure: config
            isolation: sandbox
            runtime: runsc
            user: "1000:1000"
            workingDir: /srv
            x-note: extension keys are ignored
            files:
              - { target: /run/secrets/key, content: "{{ stripe.api_key }}", mode: "0440", uid: 1000, gid: 0 }
        dev:
          kv: { secret/myapp/stripe: { api_key: sk_test } }
        """.Replace("&ignored ", string.Empty, StringComparison.Ordinal),
        """
        version: 1
        containers:
          migrate: { image: busybox:stable }
          web:
            image: nginx:1.27
            ports: ["8080:80", "127.0.0.1:9000-9001:90-91/udp", 8081, { target: 443, published: 8443, host_ip: 0.0.0.0 }]
            volumes: ["/tmp:/srv/html:ro", "cache:/var/cache/nginx", "/scratch", { type: volume, source: logs, target: /var/log, read_only: false }]
            networks: [bridge]
            labels: { com.example.team: payments }
            restart: on-failure:3
            read_only: true
            cap_drop: [ALL]
            cap_add: [NET_BIND_SERVICE]
            security_opt: ["no-new-privileges:true"]
            memory: 256m
            cpus: 1.5
            pids_limit: 200
            healthcheck: { test: ["CMD", "wget", "-q", "--spider", "http://localhost/"], interval: 1m30s, timeout: 500ms, retries: 3 }
            pull: missing
            depends_on: { migrate: { condition: service_completed_successfully } }
            tty: false
          worker:
            image: busybox:stable
            labels: ["team=payments"]
            memory: 104857600
            healthcheck: { test: "wget -q http://localhost/", disable: false }
            depends_on: [migrate]
        """,
        """
        version: 1
        rotation: { debounce: 500ms, rateLimit: 2/1m }
        secrets:
          db: { path: database/creds/app, rotate: "signal:SIGHUP", mintBudget: 3/10m }
          cfg: { path: secret/app/config, rotate: restart, refresh: 1m30s }
          legacy: { path: secret/app/legacy, rotate: none }
        containers:
          web: { image: busybox:stable, files: [{ target: /run/db, content: "{{ db.password }}{{ cfg.x }}{{ legacy.y }}" }] }
        """,
        Auth("method: approle\n    roleId: r\n    wrappedSecretIdFile: /run/wrapped\n    removeSecretIdFile: true"),
        Auth("method: approle\n    mount: ci-approle\n    roleIdEnv: ROLE_ID\n    secretIdFile: /run/secret-id"),
        Auth("method: userpass\n    username: deploy\n    passwordEnv: DEPLOY_PASSWORD"),
        Auth("method: jwt\n    role: deploy\n    jwtEnv: CI_JOB_JWT"),
        Auth("method: kubernetes\n    role: app"),
        Auth("tokenFile: /run/token"),
        Auth("method: token"));

    public static TheoryData<string, string> RejectedSpecs => new()
    {
        { "no version", "containers:\n  web: { image: busybox }\n" },
        { "version 2", "version: 2\ncontainers:\n  web: { image: busybox }\n" },
        { "unknown top-level key", Minimal + "volumes: { data: /srv }\n" },
        { "misspelt container key", "version: 1\ncontainers:\n  web: { imgae: busybox }\n" },
        { "no containers", "version: 1\n" },
                { "bad launch name", "version: 1\nname: -web\ncontainers:\n  web: { image: busybox }\n" },
        { "bad container name", "version: 1\ncontainers:\n  9web: { image: busybox }\n" },
        { "unknown isolation", "version: 1\ncontainers:\n  web: { image: busybox, isolation: vm }\n" },
        { "unknown exposure", "version: 1\ncontainers:\n  web: { image: busybox, exposure: visible }\n" },
        { "command not a list", "version: 1\ncontainers:\n  web: { image: busybox, command: echo hi }\n" },
        { "bad env name", "version: 1\ncontainers:\n  web: { image: busybox, env: { 1BAD: x } }\n" },
        { "relative file target", "version: 1\ncontainers:\n  web: { image: busybox, files: [{ target: run/x, content: x }] }\n" },
        { "file without content", "version: 1\ncontainers:\n  web: { image: busybox, files: [{ target: /run/x }] }\n" },
        { "file mode not octal", "version: 1\ncontainers:\n  web: { image: busybox, files: [{ target: /run/x, content: x, mode: \"0999\" }] }\n" },
        { "negative uid", "version: 1\ncontainers:\n  web: { image: busybox, files: [{ target: /run/x, content: x, uid: -1 }] }\n" },
        { "misspelt container option", "version: 1\ncontainers:\n  web: { image: busybox, readonly: true }\n" },
        { "restart policy unknown", "version: 1\ncontainers:\n  web: { image: busybox, restart: sometimes }\n" },
        { "pull policy unknown", "version: 1\ncontainers:\n  web: { image: busybox, pull: often }\n" },
        { "port target out of range", "version: 1\ncontainers:\n  web: { image: busybox, ports: [{ target: 70000 }] }\n" },
        { "port without target", "version: 1\ncontainers:\n  web: { image: busybox, ports: [{ published: 80 }] }\n" },
        { "volume with unknown key", "version: 1\ncontainers:\n  web: { image: busybox, volumes: [{ target: /x, sorce: y }] }\n" },
        { "healthcheck interval not a duration", "version: 1\ncontainers:\n  web: { image: busybox, healthcheck: { test: true, interval: soon } }\n" },
        { "dependency condition unknown", "version: 1\ncontainers:\n  a: { image: busybox }\n  web: { image: busybox, depends_on: { a: { condition: service_ready } } }\n" },
        { "cpus zero", "version: 1\ncontainers:\n  web: { image: busybox, cpus: 0 }\n" },
        { "memory not a size", "version: 1\ncontainers:\n  web: { image: busybox, memory: lots }\n" },
        { "rotate policy unknown", Minimal + "secrets:\n  db: { path: secret/db, rotate: reload }\n" },
        { "refresh not a duration", Minimal + "secrets:\n  db: { path: secret/db, refresh: often }\n" },
        { "mintBudget not a rate", Minimal + "secrets:\n  db: { path: secret/db, mintBudget: 3 }\n" },
        { "rateLimit not a rate", Minimal + "rotation: { rateLimit: fast }\n" },
        { "unknown rotation key", Minimal + "rotation: { debounse: 2s }\n" },
        { "secret without path", Minimal + "secrets:\n  db: { method: GET }\n" },
        { "secret path with a slash in front", Minimal + "secrets:\n  db: { path: /secret/db }\n" },
        { "secret method DELETE", Minimal + "secrets:\n  db: { path: secret/db, method: DELETE }\n" },
        { "secret version 0", Minimal + "secrets:\n  db: { path: secret/db, version: 0 }\n" },
        { "unknown vault key", Minimal + "vault: { adress: http://x }\n" },
        { "skipVerify not a boolean", Minimal + "vault: { tls: { skipVerify: maybe } }\n" },
        { "misspelt unseal key", Minimal + "vault: { unseal: { keysFiles: /run/keys } }\n" },
        { "unknown auth method", Auth("method: ldap") },
        { "userpass without username", Auth("method: userpass\n    password: p") },
        { "userpass without password", Auth("method: userpass\n    username: u") },
        { "approle without secret id", Auth("method: approle\n    roleId: r") },
        { "approle with two secret ids", Auth("method: approle\n    roleId: r\n    secretId: s\n    wrappedSecretIdFile: /w") },
        { "approle with two role id forms", Auth("method: approle\n    roleId: r\n    roleIdFile: /r\n    secretId: s") },
        { "a key of another method", Auth("method: approle\n    roleId: r\n    secretId: s\n    password: p") },
        { "jwt without role", Auth("method: jwt\n    jwt: j") },
        { "token key without a method is token's", Auth("roleId: r") },
        { "credential env name invalid", Auth("method: jwt\n    role: r\n    jwtEnv: not-a-name") },
    };

    [Theory]
    [MemberData(nameof(AcceptedSpecs))]
    public void A_spec_the_binder_accepts_passes_the_schema(string yaml)
    {
        Bind(yaml).ShouldBeEmpty();

        SchemaErrors(yaml).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(RejectedSpecs))]
    public void A_mistake_the_schema_can_see_fails_both(string mistake, string yaml)
    {
        Bind(yaml).ShouldNotBeEmpty(mistake);

        SchemaErrors(yaml).ShouldNotBeEmpty(mistake);
    }

    [Fact]
    public void Every_example_passes_the_schema_and_names_it_for_editors()
    {
        var examples = Directory.GetFiles(Path.Combine(RepositoryRoot(), "examples"), "*.yaml", SearchOption.AllDirectories);

        examples.ShouldNotBeEmpty();
        foreach (var example in examples)
        {
            var yaml = File.ReadAllText(example);
            SchemaErrors(yaml).ShouldBeEmpty(example);
            var relative = Path.GetRelativePath(Path.GetDirectoryName(example)!, Path.Combine(RepositoryRoot(), "docs", "securelaunch.schema.json"));
            yaml.ShouldStartWith($"# yaml-language-server: $schema={relative}\n", customMessage: example);
        }
    }

    [Fact]
    public void The_schema_is_draft_2020_12_and_closes_every_section()
    {
        using var document = JsonDocument.Parse(SpecSchema.ToJsonSchema());
        var root = document.RootElement;

        root.GetProperty("$schema").GetString().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        root.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse();
        foreach (var definition in root.GetProperty("$defs").EnumerateObject())
        {
            definition.Value.GetProperty("additionalProperties").GetBoolean().ShouldBeFalse(definition.Name);
        }
    }

    private static string Auth(string lines) => $"version: 1\nvault:\n  auth:\n    {lines}\ncontainers:\n  web: {{ image: busybox }}\n";

    private static IReadOnlyList<SpecDiagnostic> Bind(string yaml) =>
        new SpecLoader(new FakeEnvironment()).Load(yaml, "spec.yaml", "test", []).Errors;

    private static List<string> SchemaErrors(string yaml)
    {
        using var document = JsonDocument.Parse(YamlToJson.Convert(yaml)!.ToJsonString());
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
                .DefaultIfEmpty("invalid")];
    }

    private static string RepositoryRoot() =>
        typeof(SpecSchemaTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
