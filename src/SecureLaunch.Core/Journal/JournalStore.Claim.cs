using SecureLaunch.Core.Launching;

namespace SecureLaunch.Core.Journal;

public sealed partial class JournalStore
{
    /// <summary>
    /// Writes the first journal of a new launch, unless a live launcher holds the name. A journal whose launcher is
    /// dead (it crashed, or ended with leftovers or with <c>--no-revoke</c>) is taken over: it moves into
    /// <see cref="LaunchJournal.Inherited"/> of the new one, so nothing it recorded is lost while the new launch cleans
    /// it up. Two launches racing for a name cannot both win: the old file is moved away by rename, and the new one
    /// created only where none exists.
    /// </summary>
    /// <returns>The journal written.</returns>
    /// <exception cref="LaunchException">A live launcher holds the name, or its journal cannot be read.</exception>
    public LaunchJournal Claim(LaunchJournal fresh)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (TryCreate(fresh))
            {
                return fresh;
            }

            var existing = Read(fresh.Name);
            if (existing is null)
            {
                continue;
            }

            ThrowIfRunning(existing);
            var moved = Path.Combine(Directory, $".{fresh.Name}.{fresh.LaunchId}.takeover");
            try
            {
                File.Move(PathOf(fresh.Name), moved, overwrite: false);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            var predecessor = ReadFile(moved);
            if (predecessor.IsRunning())
            {
                // Replaced by a live launch between the read and the move: give it back.
                File.Move(moved, PathOf(fresh.Name), overwrite: false);
                ThrowIfRunning(predecessor);
            }

            var claimed = fresh with { Inherited = [.. Flatten(predecessor)] };
            if (!TryCreate(claimed))
            {
                // A third launch created the name meanwhile; the moved file stays for an operator to find.
                ThrowIfRunning(Read(fresh.Name) ?? predecessor);
                throw new LaunchException($"launch '{fresh.Name}': another launch claimed the name at the same time; try again");
            }

            File.Delete(moved);
            return claimed;
        }

        throw new LaunchException($"launch '{fresh.Name}': its journal in {Directory} keeps changing; is another securelaunch starting it?");
    }

    /// <summary>A journal and what it inherited, as a flat list with no nesting left.</summary>
    public static IEnumerable<LaunchJournal> Flatten(LaunchJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        yield return journal with { Inherited = [] };
        foreach (var inherited in journal.Inherited.SelectMany(Flatten))
        {
            yield return inherited;
        }
    }

    private static void ThrowIfRunning(LaunchJournal journal)
    {
        if (journal.IsRunning())
        {
            throw new LaunchException(
                $"launch '{journal.Name}' is already running (launch {journal.LaunchId}, securelaunch pid {journal.Launcher.Pid}); " +
                $"stop it first, or run securelaunch down {journal.Name}");
        }
    }
}
