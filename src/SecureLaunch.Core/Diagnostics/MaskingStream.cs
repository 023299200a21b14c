namespace SecureLaunch.Core.Diagnostics;

/// <summary>
/// A write-only stream that replaces every current secret value with <c>*****</c> before passing the
/// bytes on. It holds back only the shortest tail that could still grow into a secret, so output
/// without secrets flows through at once (prompts without a newline included) and a value split
/// across two writes is still masked. Bytes other than secret values pass unchanged, colours and all.
/// </summary>
public sealed class MaskingStream : Stream
{
    private readonly Stream _inner;
    private readonly SecretMask _mask;
    private readonly bool _leaveOpen;
    private byte[] _pending = [];

    public MaskingStream(Stream inner, SecretMask mask, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(mask);
        _inner = inner;
        _mask = mask;
        _leaveOpen = leaveOpen;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var output = Mask(buffer, final: false);
        _inner.Write(output);
        _inner.Flush();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var output = Mask(buffer.Span, final: false);
        await _inner.WriteAsync(output, cancellationToken);
        await _inner.FlushAsync(cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Writes out what was held back: at the end of the stream it can no longer become a secret.</summary>
    public void Complete()
    {
        _inner.Write(Mask([], final: true));
        _inner.Flush();
    }

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private byte[] Mask(ReadOnlySpan<byte> incoming, bool final)
    {
        byte[] data = [.. _pending, .. incoming];
        var values = _mask.Values;
        var output = new MemoryStream(data.Length);
        var i = 0;
        while (i < data.Length)
        {
            var rest = data.AsSpan(i);
            var matched = false;
            foreach (var value in values)
            {
                if (rest.StartsWith(value))
                {
                    output.Write(SecretMask.Replacement.Span);
                    i += value.Length;
                    matched = true;
                    break;
                }
            }

            if (matched)
            {
                continue;
            }

            if (!final && CouldBecomeSecret(rest, values))
            {
                break;
            }

            output.WriteByte(data[i]);
            i++;
        }

        _pending = data[i..];
        return output.ToArray();
    }

    private static bool CouldBecomeSecret(ReadOnlySpan<byte> tail, IReadOnlyList<byte[]> values)
    {
        foreach (var value in values)
        {
            if (tail.Length < value.Length && value.AsSpan().StartsWith(tail))
            {
                return true;
            }
        }

        return false;
    }
}
