using System.Text;

namespace SecureLaunch.Cli.Output;

/// <summary>
/// One container stream (already masked) cut into lines, each written as an <c>output</c> event:
/// <c>{"event":"output","container":"web","stream":"stdout","line":"..."}</c>. The newline (and a CR before it)
/// is not part of the line; escape sequences are kept (JSON escapes them). A last line without a newline is
/// written when the stream is disposed, and a line longer than <see cref="MaxLineBytes"/> is cut there.
/// </summary>
internal sealed class JsonLineStream : WriteOnlyStream
{
    public const int MaxLineBytes = 64 * 1024;

    private readonly JsonEventWriter _writer;
    private readonly string _container;
    private readonly string _stream;
    private readonly MemoryStream _line = new();
    private readonly Lock _gate = new();

    public JsonLineStream(JsonEventWriter writer, string container, string stream)
    {
        _writer = writer;
        _container = container;
        _stream = stream;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_gate)
        {
            while (!buffer.IsEmpty)
            {
                var newline = buffer.IndexOf((byte)'\n');
                var room = MaxLineBytes - (int)_line.Length;
                if (newline >= 0 && newline <= room)
                {
                    _line.Write(buffer[..newline]);
                    Emit();
                    buffer = buffer[(newline + 1)..];
                }
                else if (buffer.Length > room)
                {
                    _line.Write(buffer[..room]);
                    Emit();
                    buffer = buffer[room..];
                }
                else
                {
                    _line.Write(buffer);
                    buffer = [];
                }
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                if (_line.Length > 0)
                {
                    Emit();
                }
            }
        }

        base.Dispose(disposing);
    }

    private void Emit()
    {
        var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
        if (bytes.EndsWith("\r"u8))
        {
            bytes = bytes[..^1];
        }

        var text = Encoding.UTF8.GetString(bytes);
        _line.SetLength(0);
        _writer.Write("output", json =>
        {
            json.WriteString("container", _container);
            json.WriteString("stream", _stream);
            json.WriteString("line", text);
        });
    }
}
