namespace SecureLaunch.Core.Spec.Shape;

/// <summary>
/// The run spec's keys, in one place: the binder's unknown-key check and "did you mean" hints, the
/// refusal of secret material on <c>--set</c>, the JSON Schema (<c>securelaunch schema</c>) and the spec
/// reference (<c>docs/spec-reference.md</c>) all come from these declarations.
/// </summary>
/// <remarks>
/// Adding a key is one <c>Key(...)</c> line in its section below (and the binder reading it); then
/// regenerate the schema and reference with <c>SECURELAUNCH_UPDATE_GOLDEN=1 dotnet test tests/SecureLaunch.Cli.Tests</c>.
/// Sections are declared before the sections that use them: static fields initialise in textual order.
/// </remarks>
internal static class SpecShape
{
    /// <summary>Names of secrets, containers and the launch (<see cref="Templates.SpecNames.IsValidName"/>).</summary>
    public const string NamePattern = "^[A-Za-z][A-Za-z0-9_-]{0,62}$";

    /// <summary>A Go duration, as Docker and Compose write them: <c>1m30s</c>, <c>500ms</c>.</summary>
    public const string DurationPattern = "^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$";

    /// <summary>A duration as <see cref="Durations"/> reads it: <c>500ms</c>, <c>2s</c>, <c>1h30m</c>.</summary>
    public const string SpecDurationPattern = "^(0|([0-9]+(ms|s|m|h))+)$";

    /// <summary>A rate <c>N/DURATION</c>: <c>1/30s</c>, <c>3/10m</c>.</summary>
    public const string RatePattern = "^[0-9]+ */ *([0-9]+(ms|s|m|h))+$";

    /// <summary>The smallest memory limit the daemon accepts (6 MiB).</summary>
    public const long MinimumMemory = 6L * 1024 * 1024;

    /// <summary>Environment variable names.</summary>
    public const string EnvNamePattern = "^[A-Za-z_][A-Za-z0-9_]*$";

    public static readonly IReadOnlyList<string> AuthMethodNames = Lower(Enum.GetNames<AuthMethod>());

    public static readonly SpecObject Tls = new("tls", "TLS for an https:// Vault address", [
        Key("caCert", new SpecType.Text(), "A PEM file of the CA to trust for Vault's certificate, instead of the system's (as VAULT_CACERT)"),
        Key("skipVerify", new SpecType.Boolean(), "Skip verifying Vault's certificate: for experiments only (as VAULT_SKIP_VERIFY)", @default: "false"),
    ]);

    public static readonly SpecObject Unseal = new("unseal", "Keys to unseal Vault with, used only when Vault says it is sealed", [
        Key("keys", new SpecType.List(new SpecType.Text()), "Unseal keys, each usually written as ${VAR}", secret: true),
        Key("keysFile", new SpecType.Text(), "A file of unseal keys: the JSON of `vault operator init -format=json` or `securelaunch vault init`, or one key per line"),
    ])
    {
        Rules = [SpecRule.AnyOf("keys", "keysFile")],
    };

    public static readonly SpecObject Auth = new("auth", "How SecureLaunch logs in to Vault; every method but token creates a token that SecureLaunch revokes on exit", [
        Key("method", new SpecType.Choice(AuthMethodNames), "The auth method", @default: "token"),
        Key("mount", new SpecType.Text(), "Where the auth method is mounted (default: the method's name, e.g. approle)"),
    ])
    {
        Discriminator = "method",
        Variants =
        [
            Variant(AuthMethod.Token, "A token given to SecureLaunch: token, tokenFile or tokenEnv, else VAULT_TOKEN, then ~/.vault-token; never revoked by SecureLaunch", [
                Key("token", new SpecType.Credential(), "the token"),
            ]),
            Variant(AuthMethod.AppRole, "AppRole, with a plain or a response-wrapped secret id", [
                Key("roleId", new SpecType.Credential(), "the role id", required: true),
                Key("secretId", new SpecType.Credential(), "the secret id"),
                Key("wrappedSecretId", new SpecType.Credential(), "a response-wrapping token holding the secret id, unwrapped through sys/wrapping/unwrap"),
                Key("removeSecretIdFile", new SpecType.Boolean(), "Delete the secret id's file once read, as Vault Agent's remove_secret_id_file_after_reading", @default: "false"),
            ]) with { Rules = [SpecRule.OneOf("secretId", "wrappedSecretId")] },
            Variant(AuthMethod.Userpass, "A username and password", [
                Key("username", new SpecType.Text(), "The user name", required: true),
                Key("password", new SpecType.Credential(), "the password", required: true),
            ]),
            Variant(AuthMethod.Jwt, "A JWT from the CI system (GitHub Actions, GitLab) against a JWT role", [
                Key("role", new SpecType.Text(), "The Vault role to log in as", required: true),
                Key("jwt", new SpecType.Credential(), "the JWT, e.g. the CI job's ID token", required: true),
            ]),
            Variant(AuthMethod.Kubernetes, "A Kubernetes service-account token against a Kubernetes role", [
                Key("role", new SpecType.Text(), "The Vault role to log in as", required: true),
                Key("tokenFile", new SpecType.Text(), "The service-account token file", @default: AuthSettings.KubernetesTokenFile),
            ]),
        ],
    };

    public static readonly SpecObject Vault = new("vault", "Where Vault is and how to log in to it", [
        Key("address", new SpecType.Text(), "Vault's http:// or https:// address (default: VAULT_ADDR, then http://127.0.0.1:8200)"),
        Key("namespace", new SpecType.Text(), "The Vault Enterprise namespace, sent as X-Vault-Namespace (default: VAULT_NAMESPACE)"),
        Key("auth", Auth, "How to log in (default: a token from VAULT_TOKEN, then ~/.vault-token)"),
        Key("unseal", Unseal, "Keys to unseal Vault with, used only when Vault says it is sealed"),
        Key("tls", Tls, "TLS settings (default: VAULT_CACERT and VAULT_SKIP_VERIFY)"),
    ]);

    public static readonly SpecObject Secret = new("secret", "A secret to fetch from Vault; templates refer to its fields as {{ name.field }}", [
        Key("path", new SpecType.Text("^(?!/)(?!v1/)."), "The path as the vault CLI takes it: secret/myapp/config (KV v1 or v2, told from the mount), database/creds/app, pki/issue/web", required: true),
        Key("method", new SpecType.Choice(["GET", "POST", "PUT"]), "The HTTP method: POST or PUT for endpoints that take a body, such as pki/issue", @default: "GET"),
        Key("data", new SpecType.FreeForm(), "The request body, for method POST or PUT"),
        Key("version", new SpecType.Integer(1, int.MaxValue), "KV v2: the version to read (default: the latest)"),
        Key("rotate", new SpecType.Text("^(file|restart|none|signal(:.+)?)$"), "What a container using the secret gets when its content changes: file (rewritten in place), signal:SIGHUP (or another signal), restart or none (default: restart where used in env, file where only in files; docs/lease-lifecycle.md)"),
        Key("refresh", new SpecType.Text(SpecDurationPattern), "Read the secret again on this interval, e.g. 1m (default: 5m for KV secrets; leased ones follow their lease)"),
        Key("mintBudget", new SpecType.Text(RatePattern), "At most N new credentials per window for this secret, e.g. 3/10m; more is an error, not a storm", @default: "1/1m"),
    ]);

    public static readonly SpecObject File = new("file", "A file written on tmpfs and mounted read-only into the container", [
        Key("target", new SpecType.Text("^/.*[^/]$"), "The absolute path of the file inside the container", required: true),
        Key("content", new SpecType.Template(), "The file's content; may use {{ secret.field }}", required: true),
        Key("mode", new SpecType.FileMode(), "The file's mode, in octal", @default: "0400"),
        Key("uid", new SpecType.Integer(0, int.MaxValue), "The file's owner (default: SecureLaunch's user)"),
        Key("gid", new SpecType.Integer(0, int.MaxValue), "The file's group (default: SecureLaunch's group)"),
    ]);

    /// <summary>Labels as a map or a <c>["key=value"]</c> list; <c>securelaunch.</c> ones are SecureLaunch's own.</summary>
    public static readonly SpecType Labels = new SpecType.AnyOf([
        new SpecType.Map("^(?![sS][eE][cC][uU][rR][eE][lL][aA][uU][nN][cC][hH]\\.).+$", "label", new SpecType.Text()),
        new SpecType.List(new SpecType.Text("^(?![sS][eE][cC][uU][rR][eE][lL][aA][uU][nN][cC][hH]\\.)[^=]+=")),
    ]);

    public static readonly SpecObject Port = new("port", "A published port in Compose's long form", [
        Key("target", new SpecType.Integer(1, 65535), "The port inside the container", required: true),
        Key("published", new SpecType.Integer(0, 65535), "The host port (default: one the daemon picks)"),
        Key("host_ip", new SpecType.Text(), "The host address to publish on (default: every address)"),
        Key("protocol", new SpecType.Choice(["tcp", "udp", "sctp"]), "The protocol", @default: "tcp"),
        Key("mode", new SpecType.Choice(["host"]), "Only host: a container publishes on its own host", @default: "host"),
    ]);

    public static readonly SpecObject Volume = new("volume", "A volume or bind mount in Compose's long form", [
        Key("type", new SpecType.Choice(["bind", "volume"]), "bind (a host path) or volume (a named or anonymous volume)", @default: "volume"),
        Key("source", new SpecType.Text(), "The host path (bind, relative to the spec's directory) or the volume's name (none: an anonymous volume)"),
        Key("target", new SpecType.Text("^/"), "The absolute path inside the container", required: true),
        Key("read_only", new SpecType.Boolean(), "Mount it read-only", @default: "false"),
    ]);

    public static readonly SpecObject Healthcheck = new("healthcheck", "How Docker tells whether the container is healthy (with hidden env the test sees the container's variables)", [
        Key("test", new SpecType.AnyOf([new SpecType.Text(), new SpecType.List(new SpecType.Text())]), "A shell command, or [\"CMD\", ...], [\"CMD-SHELL\", \"...\"] or [\"NONE\"]"),
        Key("interval", new SpecType.Text(DurationPattern), "Time between checks, as a Go duration (1m30s, 500ms)"),
        Key("timeout", new SpecType.Text(DurationPattern), "Time a check may take, as a Go duration"),
        Key("start_period", new SpecType.Text(DurationPattern), "Time after start when failures do not count, as a Go duration"),
        Key("retries", new SpecType.Integer(0, int.MaxValue), "Failures in a row that make the container unhealthy"),
        Key("disable", new SpecType.Boolean(), "Turn off the image's healthcheck", @default: "false"),
    ]);

    public static readonly SpecObject Dependency = new("dependency", "What a container waits for before it starts", [
        Key("condition", new SpecType.Choice(["service_started", "service_healthy", "service_completed_successfully"]), "started, healthy, or exited with code 0", @default: "service_started"),
    ]);

    public static readonly SpecObject Container = new("container", "A container to run with its secrets", [
        Key("image", new SpecType.Text(), "The image, as docker run takes it, e.g. busybox:stable", required: true),
        Key("command", new SpecType.List(new SpecType.Text()), "The command, replacing the image's CMD"),
        Key("entrypoint", new SpecType.List(new SpecType.Text()), "The entrypoint, replacing the image's ENTRYPOINT"),
        Key("env", new SpecType.Map(EnvNamePattern, "NAME", new SpecType.Template()), "Environment variables; values may use {{ secret.field }}"),
        Key("exposure", new SpecType.Choice(Lower(Enum.GetNames<EnvExposure>())), "How env values reach the container: hidden (through SecureLaunch's init, never in docker inspect) or config (plain Config.Env, visible to docker inspect)", @default: "hidden"),
        Key("files", new SpecType.List(File), "Files written on tmpfs and mounted read-only"),
        Key("isolation", new SpecType.Choice(Lower(Enum.GetNames<IsolationMode>())), "How strongly the container is separated from the host (docs/isolation.md)", @default: "process"),
        Key("runtime", new SpecType.Text(), "An OCI runtime registered with the daemon, overriding the one isolation picks"),
        Key("user", new SpecType.Text(), "The user (and group) to run as, as docker run --user takes it"),
        Key("workingDir", new SpecType.Text(), "The working directory inside the container"),
        Key("ports", new SpecType.List(new SpecType.AnyOf([new SpecType.Text(), new SpecType.Integer(1, 65535), Port])), "Published ports: [[ip:]host:]container[/protocol] (ranges allowed) or the long form (docs/container-options.md)"),
        Key("volumes", new SpecType.List(new SpecType.AnyOf([new SpecType.Text(), Volume])), "./host:/path[:ro] binds, name:/path named volumes, /path anonymous ones, or the long form"),
        Key("networks", new SpecType.List(new SpecType.Text()), "Networks to join, by name (each must exist); host and none stand alone"),
        Key("labels", Labels, "Labels, as a map or [\"key=value\"]; never a secret (docker inspect shows them)"),
        Key("restart", new SpecType.Text("^(no|always|unless-stopped|on-failure(:[0-9]+)?)$"), "Restart on exit, done by SecureLaunch: no, on-failure[:N], always, unless-stopped", @default: "no"),
        Key("read_only", new SpecType.Boolean(), "A read-only root filesystem", @default: "false"),
        Key("cap_add", new SpecType.List(new SpecType.Text()), "Capabilities to add; beyond Docker's defaults needs run --allow-privileged"),
        Key("cap_drop", new SpecType.List(new SpecType.Text()), "Capabilities to drop, e.g. [ALL]"),
        Key("security_opt", new SpecType.List(new SpecType.Text()), "Security options; all but no-new-privileges need run --allow-privileged"),
        Key("privileged", new SpecType.Boolean(), "Full access to the host's devices; needs run --allow-privileged", @default: "false"),
        Key("memory", new SpecType.AnyOf([new SpecType.Integer(MinimumMemory, long.MaxValue), new SpecType.Text("^[0-9]+(\\.[0-9]+)? ?[bBkKmMgGtTpP]?[iI]?[bB]?$")]), "Memory limit: bytes, or a number with b, k, m, g, t (powers of 1024), at least 6m"),
        Key("cpus", new SpecType.Number(0), "CPUs the container may use, e.g. 1.5 (no more than the daemon has)"),
        Key("pids_limit", new SpecType.Integer(-1, int.MaxValue), "Most processes at once; -1 for no limit"),
        Key("healthcheck", Healthcheck, "The healthcheck, replacing the image's"),
        Key("pull", new SpecType.Choice(["missing", "always", "never"]), "When to pull the image, before anything is fetched from Vault", @default: "missing"),
        Key("depends_on", new SpecType.AnyOf([new SpecType.List(new SpecType.Text(NamePattern)), new SpecType.Map(NamePattern, "container", Dependency)]), "Containers that must be started (or healthy, or done) first"),
        Key("tty", new SpecType.Boolean(), "Only false: a terminal would turn \\n into \\r\\n and let a multi-line secret slip past the output mask", @default: "false"),
        Key("stdin_open", new SpecType.Boolean(), "Only false: SecureLaunch attaches to output only", @default: "false"),
    ]);

    public static readonly SpecObject ServiceSecret = new("service_secret", "A Swarm secret rendered from templates and mounted into every task of the service", [
        Key("target", new SpecType.Text("[^/]$"), "The file's path inside the task: absolute, or relative to /run/secrets/ as Swarm takes it", required: true),
        Key("content", new SpecType.Template(), "The file's content; may use {{ secret.field }}", required: true),
        Key("name", new SpecType.Text(NamePattern), "The entry's name, part of the Swarm secret's name (default: the target's file name)"),
        Key("mode", new SpecType.FileMode(), "The file's mode, in octal", @default: "0400"),
        Key("uid", new SpecType.Integer(0, int.MaxValue), "The file's owner", @default: "0"),
        Key("gid", new SpecType.Integer(0, int.MaxValue), "The file's group", @default: "0"),
    ]);

    public static readonly SpecObject ServiceUpdate = new("service_update", "How Swarm rolls out a change (a new image or new secret versions)", [
        Key("parallelism", new SpecType.Integer(0, 1000), "Tasks updated at once; 0 for all", @default: "1"),
        Key("delay", new SpecType.Text(DurationPattern), "Time between batches, as a Go duration"),
        Key("order", new SpecType.Choice(["stop-first", "start-first"]), "Stop the old task first, or start the new one first", @default: "stop-first"),
        Key("failureAction", new SpecType.Choice(["pause", "continue", "rollback"]), "What Swarm does when an update fails", @default: "pause"),
        Key("monitor", new SpecType.Text(DurationPattern), "How long each task is watched for failure after its update, as a Go duration"),
    ]);

    public static readonly SpecObject ServiceRestart = new("service_restart", "When Swarm restarts the service's tasks", [
        Key("condition", new SpecType.Choice(["any", "on-failure", "none"]), "When to restart a task", @default: "any"),
        Key("delay", new SpecType.Text(DurationPattern), "Time between restarts, as a Go duration"),
        Key("maxAttempts", new SpecType.Integer(0, int.MaxValue), "Restarts before giving up; 0 for no limit"),
        Key("window", new SpecType.Text(DurationPattern), "The window maxAttempts counts in, as a Go duration"),
    ]);

    public static readonly SpecObject Service = new("service", "A Swarm service (swarm mode needed); its secrets become versioned Swarm secrets (docs/swarm.md)", [
        Key("image", new SpecType.Text(), "The image, as docker service create takes it", required: true),
        Key("command", new SpecType.List(new SpecType.Text()), "The command, replacing the image's CMD"),
        Key("entrypoint", new SpecType.List(new SpecType.Text()), "The entrypoint, replacing the image's ENTRYPOINT"),
        Key("env", new SpecType.Map(EnvNamePattern, "NAME", new SpecType.Template()), "Environment variables; values may use {{ secret.field }}, delivered hidden through a Swarm secret"),
        Key("exposure", new SpecType.Choice(Lower(Enum.GetNames<EnvExposure>())), "hidden (through SecureLaunch's init and a Swarm secret) or config (plain env, visible to docker inspect)", @default: "hidden"),
        Key("secrets", new SpecType.List(ServiceSecret), "Files rendered from templates into versioned Swarm secrets"),
        Key("replicas", new SpecType.Integer(0, 1000), "How many tasks", @default: "1"),
        Key("labels", Labels, "Service labels, as a map or [\"key=value\"]; never a secret"),
        Key("constraints", new SpecType.List(new SpecType.Text("(==|!=)")), "Placement constraints, e.g. \"node.role == manager\""),
        Key("update", ServiceUpdate, "The rolling update policy, also used by rotation"),
        Key("restart", ServiceRestart, "The restart policy of the tasks (Swarm's, unlike a container's)"),
        Key("isolation", new SpecType.Choice(Lower(Enum.GetNames<IsolationMode>())), "How strongly the tasks are separated from the host (docs/isolation.md)", @default: "process"),
        Key("user", new SpecType.Text(), "The user (and group) to run as"),
        Key("workingDir", new SpecType.Text(), "The working directory inside the task"),
    ]);

    public static readonly SpecObject Rotation = new("rotation", "How changes reach containers: grouped, and limited per container", [
        Key("debounce", new SpecType.Text(SpecDurationPattern), "Changes closer together than this give one action per container (at most four debounces after the first)", @default: "2s"),
        Key("rateLimit", new SpecType.Text(RatePattern), "At most N signals or restarts per container per window, e.g. 1/30s", @default: "1/30s"),
    ]);

    public static readonly SpecObject Deploy = new("deploy", "How securelaunch deploy has Vault make the launch's own token (docs/deploy.md)", [
        Key("role", new SpecType.Text("^[^/]+$"), "The token role the launch token is created through: periodic, orphan, allowed_policies no wider than the launch needs", @default: DeploySettings.DefaultRole),
        Key("policies", new SpecType.List(new SpecType.Text()), "The launch token's policies; Vault refuses any the role does not allow (default: the role's allowed policies)"),
    ]);

    public static readonly SpecObject Root = new("spec", "A SecureLaunch run spec (securelaunch.yaml)", [
        Key("version", new SpecType.Integer(1, 1), "The spec format's version", required: true),
        Key("name", new SpecType.Text(NamePattern), "The launch's name, which prefixes what it creates (default: the spec directory's name)"),
        Key("vault", Vault, "Where Vault is and how to log in to it"),
        Key("secrets", new SpecType.Map(NamePattern, "name", Secret), "The secrets to fetch, by the name templates use"),
        Key("containers", new SpecType.Map(NamePattern, "name", Container), "The containers to run, started in depends_on order"),
        Key("services", new SpecType.Map(NamePattern, "name", Service), "Swarm services to deploy (swarm mode needed); a spec needs containers, services or both"),
        Key("rotation", Rotation, "How changes reach containers: debounce and rate limit"),
        Key("deploy", Deploy, "For securelaunch deploy: the token role and policies of the launch's own token"),
        Key("dev", new SpecType.FreeForm(), "The seed of the embedded dev Vault for run --dev and dev-vault --seed (kv, database, pki, policies, approle, userpass, jwt, kubernetes, rootToken)"),
    ])
    {
        Rules = [SpecRule.AnyOf("containers", "services")],
    };

    /// <summary>
    /// Whether the configuration key <paramref name="path"/> (<c>vault:auth:secretId</c>) is, or is inside, a key whose
    /// value is secret material; matched case-insensitively, as configuration keys are.
    /// </summary>
    public static bool IsSecretMaterial(IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        SpecType current = Root;
        foreach (var part in path)
        {
            switch (current)
            {
                case SpecObject section when section.Find(part) is { } key:
                    if (key.Secret || (key.Type is SpecType.Credential && key.IsValueForm(part)))
                    {
                        return true;
                    }

                    current = key.Type;
                    break;
                case SpecType.Map map:
                    current = map.Value;
                    break;
                case SpecType.List list:
                    current = list.Item;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    private static SpecKey Key(string name, SpecType type, string description, bool required = false, string? @default = null, bool secret = false) =>
        new(name, type, description) { Required = required, Default = @default, Secret = secret };

    private static SpecVariant Variant(AuthMethod method, string description, IReadOnlyList<SpecKey> keys) =>
        new(method.ToString().ToLowerInvariant(), description, keys);

    private static string[] Lower(string[] names) => [.. names.Select(n => n.ToLowerInvariant())];
}
