using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using SecureLaunch.Core.Launching;

namespace SecureLaunch.Core.Injection;

public sealed partial class SecretFileStore
{
    /// <summary>Traversable by the container's user, not listable: the names are no secret, but there is nothing to list.</summary>
    private const UnixFileMode LiveDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes a new version of a container's live files (<see cref="LiveFiles"/>) and switches <c>..data</c> to it in one
    /// rename; the previous version is deleted. Returns the directory to bind-mount at <see cref="LiveFiles.MountPath"/>.
    /// </summary>
    /// <param name="name">The directory's name in the launch directory, e.g. <c>web.files</c>.</param>
    /// <param name="files">The files, named <c>0</c>, <c>1</c>... in this order.</param>
    public string WriteLive(string name, IReadOnlyList<LiveFile> files)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(files);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (OperatingSystem.IsWindows())
        {
            throw NotOnWindows();
        }

        var root = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(root, LiveDirectoryMode);
        int version;
        lock (_versions)
        {
            version = _versions.GetValueOrDefault(name) + 1;
            _versions[name] = version;
        }

        var versionName = $"..v{version}";
        var versionPath = Path.Combine(root, versionName);
        try
        {
            System.IO.Directory.CreateDirectory(versionPath, LiveDirectoryMode);
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                var bytes = Encoding.UTF8.GetBytes(file.Content);
                try
                {
                    WriteFile(Path.Combine(versionPath, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), bytes, file.Mode, file.Uid, file.Gid);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(bytes);
                }
            }

            var link = Path.Combine(root, LiveFiles.CurrentLink);
            var temporary = link + ".tmp";
            File.Delete(temporary);
            File.CreateSymbolicLink(temporary, versionName);
            if (Rename(temporary, link) != 0)
            {
                throw new IOException($"cannot switch {link} to {versionName} (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        catch
        {
            TryDelete(versionPath);
            throw;
        }

        foreach (var old in System.IO.Directory.EnumerateDirectories(root, "..v*"))
        {
            if (!string.Equals(Path.GetFileName(old), versionName, StringComparison.Ordinal))
            {
                TryDelete(old);
            }
        }

        return root;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the launch directory's removal at the end.
        }
    }

    /// <summary>rename(2): atomic, and replaces a symbolic link itself rather than what it points to.</summary>
    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string oldPath, string newPath);
}
