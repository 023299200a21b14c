using System.Text;

namespace SecureLaunch.Docker.Tests.Support;

/// <summary>A write-only stream that keeps what it is given and lets a test wait for a piece of text.</summary>
internal sealed class CapturingStream : Stream
{
    private readonly Lock _gate = new();
    private readonly MemoryStream _bytes = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

    public int FlushCount { get; private set; }

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return Encoding.UTF8.GetString(_bytes.GetBuffer(), 0, (int)_bytes.Length);
            }
        }
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public Task WaitForAsync(string text, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Encoding.UTF8.GetString(_bytes.GetBuffer(), 0, (int)_bytes.Length).Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, seen));
            return seen.Task.WaitAsync(cancellationToken);
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            _bytes.Write(buffer, offset, count);
            var text = Encoding.UTF8.GetString(_bytes.GetBuffer(), 0, (int)_bytes.Length);
            foreach (var waiter in _waiters.Where(w => text.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            FlushCount++;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
