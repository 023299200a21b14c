using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;

namespace SecureLaunch.DevVault.Audit;

/// <summary>
/// A file audit device: one JSON object per line, a <c>request</c> entry and a <c>response</c> entry for every request
/// the router serves, every string value HMAC-hashed as Vault's file device writes them by default. Callers hold the
/// state lock, which orders the lines.
/// </summary>
internal sealed class AuditDevice : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly FileStream _file;

    private AuditDevice(FileStream file) => _file = file;

    public AuditHasher Hasher { get; } = new();

    /// <summary>Opens (or creates, mode 0600 as Vault's default) <paramref name="path"/> for appending.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    public static AuditDevice Open(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new AuditDevice(new FileStream(Path.GetFullPath(path), options));
    }

    /// <summary>Writes both entries; false when the file cannot be written (Vault then fails the request).</summary>
    public bool Log(VaultRequest request, VaultResult result)
    {
        var entries = new AuditEntries(Hasher);
        try
        {
            Write(entries.Request(request, result));
            Write(entries.Response(request, result));
            _file.Flush();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        Hasher.Dispose();
    }

    private void Write(JsonObject entry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            entry.WriteTo(writer);
        }

        buffer.WriteByte((byte)'\n');
        _file.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }
}
