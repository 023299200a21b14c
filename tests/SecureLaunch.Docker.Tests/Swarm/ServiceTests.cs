using SecureLaunch.Docker.Swarm;
using SecureLaunch.Docker.Tests.Support;

namespace SecureLaunch.Docker.Tests.Swarm;

public sealed class ServiceTests : IAsyncDisposable
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(60);
    private readonly SwarmScope _scope = new();

    [Fact(Timeout = 120_000)]
    public async Task A_secret_reaches_every_replica_with_its_owner_and_mode_and_the_logs_say_so()
    {
        // The script compares the part after the prefix, so that the whole value appears nowhere but in the secret.
        var tail = Guid.NewGuid().ToString("N");
        var value = $"sw4rm-{tail}";
        var secret = await _scope.CreateSecretAsync("mode", value);
        var spec = _scope.Service("mode", $"v=$(cat /run/secrets/db_password); [ \"${{v#sw4rm-}}\" = {tail} ] && echo value-arrived; stat -c 'owner %u:%g mode %a' /run/secrets/db_password; exec sleep 300") with
        {
            Replicas = 2,
            Secrets = [new SwarmFileReference(secret.Id, secret.Name, "db_password", 1000, 1001, (UnixFileMode)Convert.ToInt32("440", 8))],
        };
        var stdout = new CapturingStream();

        var id = await _scope.Engine.CreateServiceAsync(spec, SwarmScope.Token);
        await using var logs = await _scope.Engine.StreamServiceLogsAsync(id, stdout, new CapturingStream(), SwarmScope.Token);
        var converged = await _scope.Engine.WaitForConvergenceAsync(id, Converge, SwarmScope.Token);
        await stdout.WaitForAsync("mode 440\n", SwarmScope.Token);
        await WaitForCountAsync(stdout, "owner 1000:1001 mode 440\n", 2);

        converged.Running.Count.ShouldBe(2);
        converged.Running.ShouldAllBe(t => t.SecretIds.Single() == secret.Id);
        stdout.Text.Split('\n').Count(l => l == "value-arrived").ShouldBe(2);
        var inspect = await SwarmScope.DockerCliAsync("service", "inspect", id);
        inspect.ShouldContain(secret.Name);
        inspect.ShouldNotContain(value);
        (await SwarmScope.DockerCliAsync("secret", "inspect", secret.Id)).ShouldNotContain(value);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_update_swaps_the_secret_on_the_same_target_and_converges_to_the_new_spec()
    {
        var first = await _scope.CreateSecretAsync("v1", "first-version");
        var second = await _scope.CreateSecretAsync("v2", "second-version");
        var spec = _scope.Service("swap", "echo \"sees $(cat /run/secrets/token)\"; exec sleep 300") with
        {
            Secrets = [new SwarmFileReference(first.Id, first.Name, "token", 0, 0, UnixFileMode.UserRead)],
            Update = new ServiceUpdatePolicy { Parallelism = 1, Order = "start-first" },
        };
        var stdout = new CapturingStream();
        var id = await _scope.Engine.CreateServiceAsync(spec, SwarmScope.Token);
        await using var logs = await _scope.Engine.StreamServiceLogsAsync(id, stdout, new CapturingStream(), SwarmScope.Token);
        await _scope.Engine.WaitForConvergenceAsync(id, Converge, SwarmScope.Token);
        var before = await _scope.Engine.InspectServiceAsync(id, SwarmScope.Token);

        await _scope.Engine.UpdateServiceAsync(id, before.Version, spec with
        {
            Secrets = [new SwarmFileReference(second.Id, second.Name, "token", 0, 0, UnixFileMode.UserRead)],
        }, SwarmScope.Token);
        var after = await _scope.Engine.WaitForConvergenceAsync(id, Converge, SwarmScope.Token);
        await stdout.WaitForAsync("sees second-version\n", SwarmScope.Token);
        await _scope.Engine.RemoveSecretAsync(first.Id, SwarmScope.Token);

        after.Service.Version.ShouldBeGreaterThan(before.Version);
        after.Service.SpecDigest.ShouldNotBe(before.SpecDigest);
        after.Running.ShouldHaveSingleItem().SecretIds.ShouldBe([second.Id]);
        stdout.Text.ShouldStartWith("sees first-version\n");
        (await _scope.Engine.ListSecretsAsync(_scope.Labels, SwarmScope.Token)).Select(s => s.Id).ShouldBe([second.Id]);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_secret_still_mounted_by_a_service_cannot_be_removed()
    {
        var secret = await _scope.CreateSecretAsync("inuse", "held");
        var spec = _scope.Service("inuse", "exec sleep 300") with
        {
            Secrets = [new SwarmFileReference(secret.Id, secret.Name, "held", 0, 0, UnixFileMode.UserRead)],
        };
        await _scope.Engine.CreateServiceAsync(spec, SwarmScope.Token);

        var error = await Should.ThrowAsync<DockerEngineException>(() => _scope.Engine.RemoveSecretAsync(secret.Id, SwarmScope.Token));

        error.Message.ShouldContain("in use");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_task_that_cannot_start_makes_convergence_fail_with_the_task_error()
    {
        var spec = _scope.Service("broken", "unused") with { Entrypoint = ["/no/such/program"] };
        var id = await _scope.Engine.CreateServiceAsync(spec, SwarmScope.Token);

        var error = await Should.ThrowAsync<SwarmConvergenceException>(() => _scope.Engine.WaitForConvergenceAsync(id, Converge, SwarmScope.Token));

        error.Convergence.Hopeless.ShouldBeTrue();
        error.Message.ShouldStartWith($"service {spec.Name} cannot converge: 0/1 task(s) running the current spec: replica 1: ");
        error.Message.ShouldContain("/no/such/program", Case.Sensitive, error.Message);
        error.Message.ShouldContain("failed attempts");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_task_no_node_can_take_times_out_saying_why()
    {
        var spec = _scope.Service("unplaceable", "exec sleep 300") with { Constraints = ["node.labels.securelaunch-test-nowhere == true"] };
        var id = await _scope.Engine.CreateServiceAsync(spec, SwarmScope.Token);

        var error = await Should.ThrowAsync<SwarmConvergenceException>(() => _scope.Engine.WaitForConvergenceAsync(id, TimeSpan.FromSeconds(3), SwarmScope.Token));

        error.Convergence.Hopeless.ShouldBeFalse();
        error.Message.ShouldContain($"service {spec.Name} did not converge within ");
        error.Message.ShouldContain("replica 1: pending (no suitable node");
    }

    [Fact(Timeout = 120_000)]
    public async Task The_spec_survives_a_round_trip_through_the_daemon()
    {
        var secret = await _scope.CreateSecretAsync("round", "x");
        var spec = _scope.Service("round", "exec sleep 300") with
        {
            Replicas = 0,
            Environment = new Dictionary<string, string> { ["PLAIN"] = "visible" },
            User = "1000:1000",
            WorkingDirectory = "/tmp",
            Constraints = ["node.platform.os == linux"],
            Secrets = [new SwarmFileReference(secret.Id, secret.Name, "/etc/app/key", 7, 8, (UnixFileMode)Convert.ToInt32("0640", 8))],
            Update = new ServiceUpdatePolicy { Parallelism = 2, Delay = TimeSpan.FromSeconds(3), Order = "start-first", FailureAction = "rollback", Monitor = TimeSpan.FromSeconds(4) },
        };

        var id = await _scope.Engine.CreateServiceAsync(spec, SwarmScope.Token);
        var info = await _scope.Engine.InspectServiceAsync(id, SwarmScope.Token);
        var raw = await SwarmScope.DockerCliAsync("service", "inspect", "--format", "{{json .Spec}}", id);

        info.Name.ShouldBe(spec.Name);
        info.Replicas.ShouldBe(0);
        info.Labels.ShouldBe(_scope.Labels);
        info.Secrets.ShouldBe([spec.Secrets[0]]);
        raw.ShouldContain("\"Args\":[\"exec sleep 300\"]");
        raw.ShouldContain("\"Env\":[\"PLAIN=visible\"]");
        raw.ShouldContain("\"Constraints\":[\"node.platform.os == linux\"]");
        raw.ShouldContain("\"UpdateConfig\":{\"Parallelism\":2,\"Delay\":3000000000,\"FailureAction\":\"rollback\",\"Monitor\":4000000000,\"MaxFailureRatio\":0,\"Order\":\"start-first\"}");
        raw.ShouldContain("\"StopGracePeriod\":1000000000");
        (await _scope.Engine.ListServicesAsync(_scope.Labels, SwarmScope.Token)).ShouldHaveSingleItem().Id.ShouldBe(id);
    }

    private static async Task WaitForCountAsync(CapturingStream stream, string text, int count)
    {
        while (stream.Text.Split(text).Length - 1 < count)
        {
            await Task.Delay(100, SwarmScope.Token);
        }
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
