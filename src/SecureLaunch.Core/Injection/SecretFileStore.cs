using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using SecureLaunch.Core.Launching;

namespace SecureLaunch.Core.Injection;

/// <summary>
/// The launch's private directory of secret files on tmpfs (mode 0700), removed on disposal.
/// Each file is written under a temporary name with its final owner and mode, then renamed into
/// place, so a reader never sees half a file or a moment of wider permissions.
/// </summary>
public sealed partial class SecretFileStore : IDisposable
{
    private int _disposed;

    /// <summary>Why a launch that needs secret files cannot have them here.</summary>
    public const string NoTmpfsMessage = "secret files need a tmpfs directory (tried /run, $XDG_RUNTIME_DIR, /dev/shm) and none is available; refusing to write secrets to disk";

    private SecretFileStore(string directory) => Directory = directory;

    /// <summary>The launch's directory; bind-mount sources point inside it.</summary>
    public string Directory { get; }

    /// <summary>Creates <c>&lt;base&gt;/&lt;launchId&gt;</c> on the first tmpfs candidate, or refuses.</summary>
    public static SecretFileStore Create(string launchId, IEnumerable<string> baseCandidates)
    {
        ArgumentException.ThrowIfNullOrEmpty(launchId);
        if (OperatingSystem.IsWindows())
        {
            throw NotOnWindows();
        }

        var root = TmpfsLocator.FindBase(baseCandidates)
            ?? throw new LaunchException(NoTmpfsMessage);
        System.IO.Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var directory = Path.Combine(root, launchId);
        System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new SecretFileStore(directory);
    }

    /// <summary>Writes (or atomically replaces) <paramref name="name"/> with text and returns its host path.</summary>
    public string Write(string name, string content, UnixFileMode mode, int? uid, int? gid)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = Encoding.UTF8.GetBytes(content);
        try
        {
            return Write(name, bytes, mode, uid, gid);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Writes (or atomically replaces) <paramref name="name"/> with bytes and returns its host path.</summary>
    public string Write(string name, ReadOnlySpan<byte> content, UnixFileMode mode, int? uid, int? gid)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (OperatingSystem.IsWindows())
        {
            throw NotOnWindows();
        }

        return WriteFile(Path.Combine(Directory, name), content, mode, uid, gid);
    }

    /// <summary>Writes <paramref name="path"/> under a temporary name with its final owner and mode, then renames it into place.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string WriteFile(string path, ReadOnlySpan<byte> content, UnixFileMode mode, int? uid, int? gid)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(content);
        }

        if ((uid is not null || gid is not null) && Chown(temporary, uid ?? -1, gid ?? -1) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            File.Delete(temporary);
            throw new LaunchException($"cannot give a secret file to uid {uid?.ToString() ?? "-"} gid {gid?.ToString() ?? "-"} (errno {errno}); SecureLaunch needs root for uid/gid");
        }

        File.SetUnixFileMode(temporary, mode);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>Deletes the directory and every file in it. Idempotent; never throws.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for `down` to report; tmpfs is emptied at reboot at the latest.
        }
    }

    private static LaunchException NotOnWindows() =>
        new("secret files on tmpfs need a Linux or macOS host for SecureLaunch itself");

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int owner, int group);
}
