using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureLaunch.Cli.Output;

/// <summary>
/// <c>--output json</c>: one JSON object per line (NDJSON) on stdout, each with <c>event</c> and <c>time</c> first.
/// An event is built whole and written under a lock, so lines from the launch, the lease loops and every
/// container's output never interleave. The schema is <c>docs/json-events.schema.json</c>.
/// </summary>
internal sealed class JsonEventWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Not for HTML: keep '…', quotes and '<' readable; control characters (ESC included) are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Stream _stream;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public JsonEventWriter(Stream stream, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(time);
        _stream = stream;
        _time = time;
    }

    /// <summary>Writes the event <paramref name="name"/> with the fields <paramref name="fields"/> writes after event and time.</summary>
    public void Write(string name, Action<Utf8JsonWriter>? fields = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("event", name);
            json.WriteString("time", FormatTime(_time.GetUtcNow()));
            fields?.Invoke(json);
            json.WriteEndObject();
        }

        lock (_gate)
        {
            _stream.Write(buffer.WrittenSpan);
            _stream.Write("\n"u8);
            _stream.Flush();
        }
    }

    /// <summary>SecureLaunch's own failure: the same text as the one line on stderr.</summary>
    public void WriteError(string message, Action<Utf8JsonWriter>? fields = null) => Write("error", json =>
    {
        json.WriteString("level", "error");
        json.WriteString("message", message);
        fields?.Invoke(json);
    });

    /// <summary>The last event of every command: the exit code it ends with.</summary>
    public void WriteResult(int exitCode) => Write("result", json => json.WriteNumber("exitCode", exitCode));

    /// <summary>ISO-8601 in UTC with milliseconds: <c>2026-11-29T11:47:44.123Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
