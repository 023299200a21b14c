using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Spec;

/// <summary>Bad container options: one line each, at the value's file:line:column, with a hint where one helps.</summary>
public sealed class ContainerOptionsErrorTests
{
    private static IReadOnlyList<string> Errors(string options, string more = "") =>
        [.. new SpecLoader(new FakeEnvironment())
            .Load($"version: 1\ncontainers:\n  web:\n    image: busybox\n{options}\n{more}", "spec.yaml", "fallback", [])
            .Errors.Select(e => e.ToString())];

    [Theory]
    [InlineData("    ports: [\"8080:80a\"]", "spec.yaml:5:19: '80a' is not a port number from 1 to 65535")]
    [InlineData("    ports: [\"70000:80\"]", "spec.yaml:5:14: '70000' is not a port number from 1 to 65535")]
    [InlineData("    ports: [\"8080:80/tpc\"]", "spec.yaml:5:22: protocol 'tpc' must be tcp, udp or sctp; did you mean 'tcp'?")]
    [InlineData("    ports: [\"localhost:8080:80\"]", "spec.yaml:5:14: 'localhost' is not an IP address to publish on")]
    [InlineData("    ports: [\"::1:8080:80\"]", "spec.yaml:5:14: '::1:8080:80' must be [host_ip:][host:]container[/protocol], e.g. \"127.0.0.1:8080:80\" (an IPv6 address goes in brackets)")]
    [InlineData("    ports: [\"8000-8002:80-81\"]", "spec.yaml:5:14: '8000-8002:80-81': the host range (3 ports) and the container range (2) must be the same length")]
    [InlineData("    ports: [{ published: 80 }]", "spec.yaml:5:13: a port in the long form needs a 'target' (the port inside the container)")]
    [InlineData("    ports: [{ target: http }]", "spec.yaml:5:23: 'http' is not a port number from 1 to 65535")]
    [InlineData("    ports: [{ target: 80, mode: ingress }]", "spec.yaml:5:33: mode 'ingress': a container publishes in host mode only (ingress is Swarm's routing mesh)")]
    [InlineData("    ports: \"8080:80\"", "spec.yaml:5:13: ports must be a list, e.g. [\"8080:80\", \"127.0.0.1:5353:53/udp\"]")]
    public void A_bad_port_is_one_line_at_the_bad_part(string options, string error) => Errors(options).ShouldBe([error]);

    [Fact]
    public void Ports_are_not_published_on_the_host_network() =>
        Errors("    networks: [host]\n    ports: [\"80:80\"]").ShouldBe(["spec.yaml:6:5: ports are not published on network 'host': the container uses the host's ports directly"]);

    [Fact]
    public void Two_containers_cannot_publish_the_same_host_port() =>
        Errors("    ports: [\"8080:80\"]", "  api: { image: busybox, ports: [\"127.0.0.1:8080:81\"] }").ShouldBe(
            ["spec.yaml:6:35: host port 8080/tcp is already published by container 'web' (spec.yaml:5:14)"]);

    [Theory]
    [InlineData("    volumes: [\"data\"]", "spec.yaml:5:16: container path 'data' must be absolute, e.g. /data")]
    [InlineData("    volumes: [\"./data:data\"]", "spec.yaml:5:23: container path 'data' must be absolute, e.g. /data")]
    [InlineData("    volumes: [\"./data:/data:rx\"]", "spec.yaml:5:29: volume mode 'rx' must be ro, rw or nocopy; did you mean 'ro'?")]
    [InlineData("    volumes: [\"./data:/data:Z\"]", "spec.yaml:5:29: 'Z' (SELinux relabelling) is not supported: the mount is passed to Docker as a mount, which cannot relabel; label the host path yourself")]
    [InlineData("    volumes: [\"my data:/data\"]", "spec.yaml:5:16: 'my data' in 'my data:/data' is neither a host path (start it with /, ./ or ~/) nor a volume name (letters, digits, '_', '.', '-')")]
    [InlineData("    volumes: [\"a:b:c:d\"]", "spec.yaml:5:16: 'a:b:c:d' must be [source:]target[:ro], e.g. \"./data:/data:ro\" or \"pgdata:/data\"")]
    [InlineData("    volumes: [{ type: tmpfs, target: /tmp }]", "spec.yaml:5:23: volume type 'tmpfs' must be bind or volume")]
    [InlineData("    volumes: [{ type: volume, source: ./x, target: /x }]", "spec.yaml:5:39: './x' is a host path: write 'type: bind' to mount it, or give a volume name")]
    public void A_bad_volume_is_one_line(string options, string error) => Errors(options).ShouldBe([error]);

    [Theory]
    [InlineData("    volumes: [\"/srv:/.securelaunch\"]", "volume target '/.securelaunch' is inside /.securelaunch, where SecureLaunch mounts its init and hidden env file")]
    [InlineData("    volumes: [\"/srv:/.securelaunch/x/\"]", "volume target '/.securelaunch/x' is inside /.securelaunch, where SecureLaunch mounts its init and hidden env file")]
    [InlineData("    volumes: [\"/srv:/\"]", "volume target '/' cannot replace the container's root filesystem")]
    [InlineData("    volumes: [\"/srv:/run/secrets/key\"]", "volume target '/run/secrets/key' collides with the secret file '/run/secrets/key'")]
    [InlineData("    volumes: [\"/srv:/run/./secrets\"]", "volume target '/run/secrets' holds the secret file '/run/secrets/key': Docker would create its mount point inside the volume's source; put secret files outside volume targets")]
    [InlineData("    volumes: [\"/a:/data\", \"/b:/data/\"]", "volume target '/data' is the target of another volume of this container")]
    public void No_volume_lands_on_securelaunchs_own_paths_or_on_a_secret_file(string options, string error) =>
        Errors($"{options}\n    files: [{{ target: /run/secrets/key, content: x }}]").ShouldHaveSingleItem().ShouldEndWith(error);

    [Theory]
    [InlineData("    files: [{ target: /run/secrets/k, content: x, mode: \"0999\" }]", "spec.yaml:5:58: mode '0999' must be an octal file mode from 0000 to 0777, e.g. \"0400\"")]
    [InlineData("    files: [{ target: /run/secrets/k, content: x, mode: rw }]", "spec.yaml:5:57: mode 'rw' must be an octal file mode from 0000 to 0777, e.g. \"0400\"")]
    [InlineData("    files: [{ target: /run/secrets/k, content: x, uid: app }]", "spec.yaml:5:56: 'app' is not a whole number from 0 to 2147483647")]
    [InlineData("    files: [{ target: run/secrets/k, content: x }]", "spec.yaml:5:13: each file needs an absolute 'target' path, e.g. /run/secrets/api_key")]
    public void A_bad_file_mode_owner_or_relative_target_is_one_line(string options, string error) => Errors(options).ShouldBe([error]);

    [Fact]
    public void A_secret_file_cannot_go_inside_securelaunchs_directory() =>
        Errors("    files: [{ target: /.securelaunch/env, content: x }]").ShouldBe(
            ["spec.yaml:5:23: '/.securelaunch/env' is inside /.securelaunch, where SecureLaunch mounts its init and hidden env file"]);

    [Theory]
    [InlineData("    networks: [\"container:db\"]", "spec.yaml:5:17: 'container:db' is a network mode; sharing another container's network is not supported")]
    [InlineData("    networks: [front, front]", "spec.yaml:5:23: network 'front' is listed twice")]
    [InlineData("    networks: [front, none]", "spec.yaml:5:5: network 'none' cannot be combined with other networks")]
    [InlineData("    networks: front", "spec.yaml:5:15: networks must be a list, e.g. [frontend, backend]")]
    public void A_bad_network_is_one_line(string options, string error) => Errors(options).ShouldBe([error]);

    [Theory]
    [InlineData("    labels: { securelaunch.launch: mine }", "spec.yaml:5:15: label 'securelaunch.launch': labels starting with 'securelaunch.' are SecureLaunch's own (it finds and cleans up its containers by them)")]
    [InlineData("    labels: [\"SecureLaunch.name=x\"]", "spec.yaml:5:14: label 'SecureLaunch.name': labels starting with 'securelaunch.' are SecureLaunch's own (it finds and cleans up its containers by them)")]
    [InlineData("    labels: { db: \"{{ db.password }}\" }", "spec.yaml:5:20: label 'db': labels show in docker inspect, so they cannot hold secrets ('{{' is not allowed here)")]
    [InlineData("    labels: [\"=x\"]", "spec.yaml:5:15: a label needs a name before '='")]
    public void A_label_cannot_override_securelaunchs_own_or_carry_a_secret(string options, string error) => Errors(options).ShouldBe([error]);

    [Theory]
    [InlineData("    restart: sometimes", "spec.yaml:5:14: restart 'sometimes' must be no, on-failure[:N], always or unless-stopped")]
    [InlineData("    restart: alwyas", "spec.yaml:5:14: restart 'alwyas' must be no, on-failure[:N], always or unless-stopped; did you mean 'always'?")]
    [InlineData("    restart: on-failure:x", "spec.yaml:5:25: 'x' in restart 'on-failure:x' must be how many times to restart, a whole number from 1")]
    [InlineData("    memory: lots", "spec.yaml:5:13: memory 'lots' is not a size: write bytes or a number with b, k, m or g, e.g. 512m")]
    [InlineData("    memory: 512x", "spec.yaml:5:13: memory '512x' is not a size: write bytes or a number with b, k, m or g, e.g. 512m")]
    [InlineData("    memory: 1m", "spec.yaml:5:13: memory '1m' must be at least 6m, the smallest limit Docker accepts")]
    [InlineData("    cpus: 0", "spec.yaml:5:11: cpus '0' must be a number of CPUs above 0, e.g. 0.5 or 2")]
    [InlineData("    cpus: two", "spec.yaml:5:11: cpus 'two' must be a number of CPUs above 0, e.g. 0.5 or 2")]
    [InlineData("    pids_limit: 0", "spec.yaml:5:17: pids_limit '0' must be a whole number from 1, or -1 for no limit")]
    [InlineData("    read_only: yes", "spec.yaml:5:16: read_only 'yes' must be true or false")]
    [InlineData("    pull: sometimes", "spec.yaml:5:11: pull 'sometimes' must be missing (the default), always or never")]
    [InlineData("    pull: nevre", "spec.yaml:5:11: pull 'nevre' must be missing (the default), always or never; did you mean 'never'?")]
    public void A_bad_restart_policy_size_or_switch_is_one_line(string options, string error) => Errors(options).ShouldBe([error]);

    [Theory]
    [InlineData("    cap_drop: [CAP_CHWON]", "spec.yaml:5:16: 'CAP_CHWON' is not a Linux capability; did you mean 'CHOWN'?")]
    [InlineData("    security_opt: [\"seccomp=profile.json\"]", "spec.yaml:5:21: security_opt 'seccomp=profile.json': a seccomp profile file is not read by SecureLaunch; use seccomp=unconfined or the profile's JSON")]
    [InlineData("    security_opt: [no-new-privilege]", "spec.yaml:5:20: security_opt 'no-new-privilege' must be no-new-privileges, seccomp=..., apparmor=..., label=... or systempaths=unconfined; did you mean 'no-new-privileges'?")]
    [InlineData("    tty: true", "spec.yaml:5:10: tty: true is not supported: a terminal turns \\n into \\r\\n, so a multi-line secret in the output would no longer be masked")]
    [InlineData("    stdin_open: true", "spec.yaml:5:17: stdin_open: true is not supported: SecureLaunch attaches to the containers' output only, so nothing would reach their stdin")]
    public void A_bad_privilege_or_terminal_option_is_one_line(string options, string error) => Errors(options).ShouldBe([error]);

    [Theory]
    [InlineData("    healthcheck: { test: [\"CMD-SHEL\", \"true\"] }", "spec.yaml:5:28: a healthcheck test list starts with CMD, CMD-SHELL or NONE, not 'CMD-SHEL'; did you mean 'CMD-SHELL'?")]
    [InlineData("    healthcheck: { test: \"true\", interval: 10 }", "spec.yaml:5:44: interval '10' is not a duration: write e.g. 30s, 1m30s or 500ms")]
    [InlineData("    healthcheck: { test: \"true\", timeout: 10us }", "spec.yaml:5:43: timeout '10us' must be 0 or at least 1ms")]
    [InlineData("    healthcheck: { interval: 1s }", "spec.yaml:5:5: a healthcheck needs a 'test', e.g. [\"CMD\", \"wget\", \"-q\", \"--spider\", \"http://localhost/\"], or 'disable: true'")]
    [InlineData("    healthcheck: { disable: true, test: \"true\" }", "spec.yaml:5:5: healthcheck with 'disable: true' takes no other keys")]
    [InlineData("    healthcheck: { test: \"true\", retires: 3 }", "spec.yaml:5:34: unknown key 'retires' in 'containers.web.healthcheck'; did you mean 'retries'?")]
    public void A_bad_healthcheck_is_one_line(string options, string error) => Errors(options).ShouldBe([error]);

    [Theory]
    [InlineData("    depends_on: [dbb]", "  db: { image: busybox }", "spec.yaml:5:18: depends_on 'dbb' is not a container of this spec; did you mean 'db'?")]
    [InlineData("    depends_on: [web]", "", "spec.yaml:5:18: container 'web' cannot depend on itself")]
    [InlineData("    depends_on: { db: { condition: service_health } }", "  db: { image: busybox }", "spec.yaml:5:36: condition 'service_health' must be service_started, service_healthy or service_completed_successfully; did you mean 'service_healthy'?")]
    [InlineData("    depends_on: { db: { condition: service_healthy } }", "  db: { image: busybox, healthcheck: { disable: true } }", "spec.yaml:5:19: 'web' waits for 'db' to be healthy, but its healthcheck is disabled")]
    public void A_dependency_on_an_unknown_container_or_itself_is_reported_where_it_is_named(string options, string more, string error) =>
        Errors(options, more).ShouldBe([error]);

    [Fact]
    public void A_dependency_cycle_is_reported_once_where_it_closes() =>
        Errors("    depends_on: [api]", "  api: { image: busybox, depends_on: [db] }\n  db: { image: busybox, depends_on: [web] }")
            .ShouldBe(["spec.yaml:7:38: depends_on makes a cycle: web -> api -> db -> web"]);

    [Fact]
    public void A_misspelt_option_gets_the_compose_spelling_suggested() =>
        Errors("    readonly: true\n    cap-drop: [ALL]").ShouldBe([
            "spec.yaml:5:5: unknown key 'readonly' in 'containers.web'; did you mean 'read_only'?",
            "spec.yaml:6:5: unknown key 'cap-drop' in 'containers.web'; did you mean 'cap_drop'?",
        ]);
}
