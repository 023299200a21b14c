using System.Security.Cryptography;
using System.Text.Json;
using SecureLaunch.Core.Host;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Templates;

namespace SecureLaunch.Core.Journal;

/// <summary>
/// The directory of launch journals, one <c>&lt;name&gt;.json</c> per launch name (directory mode 0700, files 0600).
/// Every write goes to a temporary file that is then renamed over the journal, so a reader (<c>status</c>, <c>down</c>)
/// sees the old content or the new, never half of it.
/// </summary>
public sealed partial class JournalStore
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public JournalStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>Where the journals are.</summary>
    public string Directory { get; }

    /// <summary>The journal file of launch <paramref name="name"/>.</summary>
    public string PathOf(string name)
    {
        if (!SpecNames.IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a launch name: a letter, then letters, digits, '_' or '-'", nameof(name));
        }

        return Path.Combine(Directory, name + ".json");
    }

    /// <summary>The journal of launch <paramref name="name"/>, or null when there is none.</summary>
    /// <exception cref="LaunchException">The file is there but is not a journal this version can read.</exception>
    public LaunchJournal? Read(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? ReadFile(path) : null;
    }

    /// <summary>Every journal in the directory, by name; files that cannot be read are reported in <paramref name="errors"/>.</summary>
    /// <exception cref="LaunchException">The directory is writable by other users.</exception>
    public IReadOnlyList<LaunchJournal> ReadAll(out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        ThrowIfShared();
        var journals = new List<LaunchJournal>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                journals.Add(ReadFile(path));
            }
            catch (LaunchException ex)
            {
                problems.Add(ex.Message);
            }
            catch (FileNotFoundException)
            {
                // Removed between the listing and the read: the launch ended.
            }
        }

        return journals;
    }

    /// <summary>Writes <paramref name="journal"/> over its file (creating the directory if needed).</summary>
    public void Write(LaunchJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var temporary = WriteTemporary(journal);
        File.Move(temporary, PathOf(journal.Name), overwrite: true);
    }

    /// <summary>Writes <paramref name="journal"/> only when its name has no journal yet; false when it has one.</summary>
    public bool TryCreate(LaunchJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var temporary = WriteTemporary(journal);
        try
        {
            // Without overwrite, Move links the new name and fails if it exists: two launches racing for a name cannot both win.
            File.Move(temporary, PathOf(journal.Name), overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(PathOf(journal.Name)))
        {
            File.Delete(temporary);
            return false;
        }
    }

    /// <summary>Deletes the journal of <paramref name="name"/>; one already gone is not an error.</summary>
    public void Delete(string name) => File.Delete(PathOf(name));

    private string WriteTemporary(LaunchJournal journal)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(journal, JournalJsonContext.Default.LaunchJournal);
        CreateDirectory();
        ThrowIfShared();
        var temporary = Path.Combine(Directory, $".{journal.Name}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.tmp");
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(bytes);
        }

        return temporary;
    }

    private void CreateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, DirectoryMode);
        }
    }

    /// <summary>
    /// Refuses a journal directory others may write to: a journal names directories to delete and containers to remove,
    /// so one planted by another user (SECURELAUNCH_STATE_DIR=/tmp) must never be acted on.
    /// </summary>
    private void ThrowIfShared()
    {
        if (OperatingSystem.IsWindows() || !System.IO.Directory.Exists(Directory))
        {
            return;
        }

        if ((File.GetUnixFileMode(Directory) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            throw new LaunchException(
                $"the launch journal directory {Directory} is writable by other users; point {DirectoryVariable} at a directory only you can write (mode 0700)");
        }
    }

    private LaunchJournal ReadFile(string path)
    {
        ThrowIfShared();
        LaunchJournal? journal;
        try
        {
            journal = JsonSerializer.Deserialize(File.ReadAllBytes(path), JournalJsonContext.Default.LaunchJournal);
        }
        catch (JsonException ex)
        {
            throw Unreadable(path, $"invalid JSON at line {ex.LineNumber + 1}");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException and not FileNotFoundException)
        {
            throw Unreadable(path, ex.GetType().Name);
        }

        if (journal is null)
        {
            throw Unreadable(path, "empty");
        }

        return journal.Version == LaunchJournal.CurrentVersion
            ? journal
            : throw Unreadable(path, $"format version {journal.Version}, this SecureLaunch reads {LaunchJournal.CurrentVersion}");
    }

    private static LaunchException Unreadable(string path, string reason) =>
        new($"launch journal {path} cannot be read ({reason}); if no launch of that name runs, delete the file");
}
