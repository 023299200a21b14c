using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Docker.Tests.Swarm;

public sealed class ConvergenceCheckTests
{
    private const string Current = "current-spec";
    private const string Old = "old-spec";
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_replica_running_the_current_spec_is_converged()
    {
        var state = ConvergenceCheck.Evaluate(Service(replicas: 2), [Task(1, "running"), Task(2, "running"), Task(1, "shutdown", desired: "shutdown", spec: Old)]);

        state.Converged.ShouldBeTrue();
        state.Running.Select(t => t.Slot).ShouldBe([1L, 2L]);
        state.Summary.ShouldBe("2/2 task(s) running the current spec");
    }

    [Fact]
    public void A_task_of_the_old_spec_still_running_holds_convergence_back()
    {
        var state = ConvergenceCheck.Evaluate(Service(replicas: 1), [Task(1, "running"), Task(1, "running", desired: "shutdown", spec: Old)]);

        state.Converged.ShouldBeFalse();
        state.Hopeless.ShouldBeFalse();
        state.Summary.ShouldBe("1/1 task(s) running the current spec: 1 task(s) of an older spec still running");
    }

    [Fact]
    public void Fewer_running_replicas_than_asked_for_is_not_converged_and_says_what_the_others_do()
    {
        var state = ConvergenceCheck.Evaluate(Service(replicas: 2), [Task(1, "running"), Task(2, "pending", message: "no suitable node (1 node not available)")]);

        state.Converged.ShouldBeFalse();
        state.Summary.ShouldBe("1/2 task(s) running the current spec: replica 2: pending (no suitable node (1 node not available))");
    }

    [Fact]
    public void A_replica_retrying_after_failures_shows_its_state_and_its_last_failure()
    {
        var state = ConvergenceCheck.Evaluate(Service(replicas: 1),
        [
            Task(1, "failed", desired: "shutdown", error: "starting container failed: exec: \"/x\": not found", exitCode: 127, at: T0),
            Task(1, "rejected", desired: "shutdown", error: "No such image: nope", at: T0.AddSeconds(1)),
            Task(1, "ready", message: "prepared", at: T0.AddSeconds(2)),
        ]);

        state.Converged.ShouldBeFalse();
        state.Hopeless.ShouldBeFalse();
        state.Problems.ShouldBe(["replica 1: ready (prepared); last failure: rejected (No such image: nope) (2 failed attempts)"]);
    }

    [Fact]
    public void Three_failures_per_replica_of_the_current_spec_is_hopeless()
    {
        var failures = Enumerable.Range(0, 6).Select(i => Task(1 + (i % 2), "failed", desired: "shutdown", error: "boom", exitCode: 1, at: T0.AddSeconds(i)));

        var state = ConvergenceCheck.Evaluate(Service(replicas: 2), [.. failures]);

        state.Hopeless.ShouldBeTrue();
        state.Problems.ShouldBe(["replica 1: failed (boom), exit code 1 (3 failed attempts)", "replica 2: failed (boom), exit code 1 (3 failed attempts)"]);
    }

    [Fact]
    public void Failures_of_an_older_spec_do_not_count()
    {
        var failures = Enumerable.Range(0, 5).Select(i => Task(1, "failed", desired: "shutdown", error: "boom", spec: Old, at: T0.AddSeconds(i)));

        var state = ConvergenceCheck.Evaluate(Service(replicas: 1), [.. failures, Task(1, "running")]);

        state.Converged.ShouldBeTrue();
    }

    [Theory]
    [InlineData("paused", "the update is paused (update paused due to failure or early termination of task x)")]
    [InlineData("rollback_completed", "the update is rollback completed (update paused due to failure or early termination of task x)")]
    public void A_paused_or_rolled_back_update_is_hopeless_even_with_tasks_running(string updateState, string problem)
    {
        var service = Service(replicas: 1) with { UpdateState = updateState, UpdateMessage = "update paused due to failure or early termination of task x" };

        var state = ConvergenceCheck.Evaluate(service, [Task(1, "running")]);

        state.Converged.ShouldBeFalse();
        state.Hopeless.ShouldBeTrue();
        state.Problems.ShouldBe([problem]);
    }

    private static SwarmServiceInfo Service(int replicas) => new()
    {
        Id = "svc",
        Name = "api",
        Version = 10,
        Labels = new Dictionary<string, string>(),
        Replicas = replicas,
        Secrets = [],
        Configs = [],
        SpecDigest = Current,
    };

    private static SwarmTaskInfo Task(
        long slot, string state, string desired = "running", string spec = Current, string message = "", string error = "", long? exitCode = null, DateTimeOffset? at = null) => new()
    {
        Id = $"task-{slot}-{state}-{at?.ToUnixTimeSeconds()}",
        ServiceId = "svc",
        Slot = slot,
        State = state,
        DesiredState = desired,
        Message = message,
        Error = error,
        ExitCode = exitCode,
        Timestamp = at ?? T0,
        SecretIds = [],
        SpecDigest = spec,
    };
}
