using System.Net;
using SecureLaunch.Docker.Containers;
using SecureLaunch.Docker.Tests.Support;

namespace SecureLaunch.Docker.Tests.Engine;

public sealed class ContainerLifecycleTests : IAsyncDisposable
{
    private readonly EngineScope _scope = new();

    [Fact(Timeout = 60_000)]
    public async Task An_exit_code_of_3_comes_back_as_3()
    {
        var result = await _scope.RunAsync(_scope.Spec("exit", "sh", "-c", "exit 3"));

        result.ExitCode.ShouldBe(3);
    }

    [Fact(Timeout = 60_000)]
    public async Task Environment_variables_reach_the_container_unchanged()
    {
        var spec = _scope.Spec("env", "sh", "-c", "printf '%s|%s' \"$SL_GREETING\" \"$SL_EMPTY\"") with
        {
            Environment = new Dictionary<string, string> { ["SL_GREETING"] = "hello world=with $signs", ["SL_EMPTY"] = "" },
        };

        var result = await _scope.RunAsync(spec);

        result.Stdout.ShouldBe("hello world=with $signs|");
    }

    [Fact(Timeout = 60_000)]
    public async Task Entrypoint_user_and_working_directory_are_applied()
    {
        var spec = _scope.Spec("entry", "-c", "pwd; id -u") with
        {
            Entrypoint = ["sh"],
            User = "1234",
            WorkingDirectory = "/tmp",
        };

        var result = await _scope.RunAsync(spec);

        result.Stdout.ShouldBe("/tmp\n1234\n");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_bind_mount_is_read_only_inside_the_container()
    {
        var dir = Directory.CreateTempSubdirectory("sl-docker-test-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "token"), "from-the-host", EngineScope.Token);
            var spec = _scope.Spec("bind", "sh", "-c", "cat /run/sl/token; echo x > /run/sl/token || echo refused") with
            {
                Mounts = [new BindMount(dir.FullName, "/run/sl")],
            };

            var result = await _scope.RunAsync(spec);

            result.Stdout.ShouldBe("from-the-hostrefused\n");
            result.Stderr.ShouldContain("Read-only file system");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Stop_with_grace_ends_a_container_that_ignores_sigterm()
    {
        // PID 1 without a handler ignores SIGTERM, so only the kill after the grace can end it.
        var spec = _scope.Spec("stop", "sleep", "60");
        var id = await _scope.CreateAsync(spec);
        await _scope.Engine.StartContainerAsync(id, EngineScope.Token);

        await _scope.Engine.StopContainerAsync(id, TimeSpan.FromSeconds(1), EngineScope.Token);

        var listed = await _scope.Engine.ListContainersAsync(EngineScope.OnlyThis(spec), EngineScope.Token);
        listed.ShouldHaveSingleItem().State.ShouldBe("exited");
        (await _scope.Engine.WaitContainerAsync(id, EngineScope.Token)).ShouldBe(137);
    }

    [Fact(Timeout = 60_000)]
    public async Task Stopping_a_stopped_container_is_not_an_error()
    {
        var id = await _scope.CreateAsync(_scope.Spec("stop-twice", "true"));
        await _scope.Engine.StartContainerAsync(id, EngineScope.Token);
        await _scope.Engine.WaitContainerAsync(id, EngineScope.Token);

        await _scope.Engine.StopContainerAsync(id, TimeSpan.FromSeconds(1), EngineScope.Token);
        await _scope.Engine.StopContainerAsync(id, TimeSpan.Zero, EngineScope.Token);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_signal_reaches_the_main_process()
    {
        var id = await _scope.CreateAsync(_scope.Spec("signal", "sh", "-c", "trap 'echo got-hup; exit 7' HUP; echo ready; while :; do sleep 0.1; done"));
        var stdout = new CapturingStream();
        await using var attachment = await _scope.Engine.AttachAsync(id, stdout, Stream.Null, EngineScope.Token);
        await _scope.Engine.StartContainerAsync(id, EngineScope.Token);
        await stdout.WaitForAsync("ready\n", EngineScope.Token);

        await _scope.Engine.SignalContainerAsync(id, "SIGHUP", EngineScope.Token);

        (await _scope.Engine.WaitContainerAsync(id, EngineScope.Token)).ShouldBe(7);
        await attachment.Completion.WaitAsync(EngineScope.Token);
        stdout.Text.ShouldBe("ready\ngot-hup\n");
    }

    [Fact(Timeout = 60_000)]
    public async Task Signalling_a_container_that_is_not_running_is_a_conflict()
    {
        var id = await _scope.CreateAsync(_scope.Spec("signal-stopped", "true"));

        var error = await Should.ThrowAsync<DockerEngineException>(() => _scope.Engine.SignalContainerAsync(id, "SIGHUP", EngineScope.Token));

        error.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact(Timeout = 60_000)]
    public async Task Remove_is_idempotent()
    {
        var spec = _scope.Spec("remove", "sleep", "60");
        var id = await _scope.CreateAsync(spec);
        await _scope.Engine.StartContainerAsync(id, EngineScope.Token);

        await _scope.Engine.RemoveContainerAsync(id, EngineScope.Token);
        await _scope.Engine.RemoveContainerAsync(id, EngineScope.Token);
        await _scope.Engine.RemoveContainerAsync($"sl-test-never-created-{Guid.NewGuid():N}", EngineScope.Token);

        (await _scope.Engine.ListContainersAsync(EngineScope.OnlyThis(spec), EngineScope.Token))
            .ShouldBeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task Waiting_for_a_container_that_was_never_started_is_refused_rather_than_reported_as_exit_0()
    {
        var id = await _scope.CreateAsync(_scope.Spec("unstarted", "true"));

        var error = await Should.ThrowAsync<DockerEngineException>(() => _scope.Engine.WaitContainerAsync(id, EngineScope.Token));

        error.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        error.Message.ShouldContain("has not been started");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cancelled_wait_throws_operation_cancelled()
    {
        var id = await _scope.CreateAsync(_scope.Spec("cancel", "sleep", "60"));
        await _scope.Engine.StartContainerAsync(id, EngineScope.Token);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(EngineScope.Token);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => _scope.Engine.WaitContainerAsync(id, cancellation.Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_name_already_in_use_is_a_conflict_naming_the_container()
    {
        var spec = _scope.Spec("twice", "true");
        await _scope.CreateAsync(spec);

        var error = await Should.ThrowAsync<DockerEngineException>(() => _scope.Engine.CreateContainerAsync(spec, EngineScope.Token));

        error.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        error.Message.ShouldStartWith($"create container {spec.Name}");
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
