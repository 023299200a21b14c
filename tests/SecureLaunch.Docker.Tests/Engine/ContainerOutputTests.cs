using SecureLaunch.Docker.Tests.Support;

namespace SecureLaunch.Docker.Tests.Engine;

public sealed class ContainerOutputTests : IAsyncDisposable
{
    private readonly EngineScope _scope = new();

    [Fact(Timeout = 60_000)]
    public async Task Stdout_and_stderr_arrive_on_their_own_streams()
    {
        var result = await _scope.RunAsync(_scope.Spec("streams", "sh", "-c", "echo to-out; echo to-err >&2; echo more-out"));

        result.Stdout.ShouldBe("to-out\nmore-out\n");
        result.Stderr.ShouldBe("to-err\n");
    }

    [Fact(Timeout = 60_000)]
    public async Task No_output_is_lost_from_containers_that_print_and_exit_at_once()
    {
        var runs = Enumerable.Range(0, 6)
            .Select(i => _scope.RunAsync(_scope.Spec("echo", "echo", $"line-{i}")))
            .ToList();

        var results = await Task.WhenAll(runs);

        for (var i = 0; i < results.Length; i++)
        {
            results[i].Stdout.ShouldBe($"line-{i}\n");
            results[i].ExitCode.ShouldBe(0);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_large_output_arrives_whole_and_in_order()
    {
        var result = await _scope.RunAsync(_scope.Spec("seq", "seq", "1", "50000"));

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(50_000);
        lines.Select(int.Parse).ShouldBe(Enumerable.Range(1, 50_000));
        result.Stderr.ShouldBeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task Output_is_flushed_as_it_comes()
    {
        var id = await _scope.CreateAsync(_scope.Spec("flush", "sh", "-c", "echo first; sleep 60"));
        var stdout = new CapturingStream();
        await using var attachment = await _scope.Engine.AttachAsync(id, stdout, Stream.Null, EngineScope.Token);
        await _scope.Engine.StartContainerAsync(id, EngineScope.Token);

        await stdout.WaitForAsync("first\n", EngineScope.Token);

        stdout.FlushCount.ShouldBeGreaterThan(0);
        attachment.Completion.IsCompleted.ShouldBeFalse();
    }

    [Fact(Timeout = 60_000)]
    public async Task Disposing_an_attachment_twice_ends_it_quietly()
    {
        var id = await _scope.CreateAsync(_scope.Spec("detach", "sleep", "60"));
        var attachment = await _scope.Engine.AttachAsync(id, Stream.Null, Stream.Null, EngineScope.Token);
        await _scope.Engine.StartContainerAsync(id, EngineScope.Token);

        await attachment.DisposeAsync();
        await attachment.DisposeAsync();

        attachment.Completion.IsCanceled.ShouldBeTrue();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_destination_that_throws_faults_completion_and_disposal_stays_quiet()
    {
        var id = await _scope.CreateAsync(_scope.Spec("throwing", "echo", "hello"));
        var attachment = await _scope.Engine.AttachAsync(id, new ThrowingStream(), Stream.Null, EngineScope.Token);
        await _scope.Engine.StartContainerAsync(id, EngineScope.Token);

        await Should.ThrowAsync<InvalidOperationException>(() => attachment.Completion.WaitAsync(EngineScope.Token));
        await attachment.DisposeAsync();
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    private sealed class ThrowingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("the console went away");

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
