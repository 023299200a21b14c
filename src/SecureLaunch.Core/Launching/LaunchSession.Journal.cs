using System.Threading.Channels;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Journal;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Launching;

/// <summary>The launch journal: what the session records as it goes, so <c>down</c> and <c>status</c> work from another process.</summary>
public sealed partial class LaunchSession
{
    private JournalWriter? _journal;
    private LaunchJournalOptions? _journalOptions;

    /// <summary>
    /// False with <c>run --no-revoke</c>: leases and the token are left to outlive the launch (the journal says so). The
    /// agent keeps it false while it may hand a launch to another agent, and sets it when the launch is undeployed.
    /// </summary>
    public bool RevokeOnExit { get; set; } = true;

    /// <summary>The launch's journal writer once <see cref="StartJournal"/> ran; null when the launch keeps none.</summary>
    public JournalWriter? Journal => _journal;

    /// <summary>
    /// Claims the launch name and starts the journal; everything the session records from now on is written to it.
    /// Call before anything is created. A journal left by a dead launcher of the same name is taken over (see
    /// <see cref="RecoverPredecessorsAsync"/>). Does nothing when <paramref name="options"/> is null.
    /// </summary>
    /// <exception cref="LaunchException">A live launch has the name, or the journal cannot be written.</exception>
    public void StartJournal(LaunchJournalOptions? options, RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (options is null || _journal is not null)
        {
            return;
        }

        var now = options.TimeProvider.GetUtcNow();
        var initial = new LaunchJournal
        {
            Name = spec.Name,
            LaunchId = LaunchId,
            SpecFile = options.SpecFile,
            StartedAt = now,
            UpdatedAt = now,
            Launcher = LauncherProcess.Current(),
            Vault = new JournalVault { Address = _vault.Address.ToString(), Namespace = options.VaultNamespace, Ephemeral = options.EphemeralVault },
            RevokeOnExit = RevokeOnExit,
            Secrets = [.. spec.Secrets.Select(s => new JournalSecret { Name = s.Name, Path = s.Path })],
        };
        _journal = JournalWriter.Claim(options.Store, initial, options.TimeProvider, _logger);
        _journalOptions = options;
        foreach (var predecessor in _journal.Current.Inherited)
        {
            Log.TakingOver(_logger, spec.Name, predecessor.LaunchId, predecessor.Launcher.Pid);
        }

        Leases.Recorded += _journal.LeaseRecorded;
        Leases.Forgotten += _journal.LeaseForgotten;
        foreach (var (secret, lease) in Leases.Snapshot())
        {
            _journal.LeaseRecorded(secret, lease);
        }
    }

    /// <summary>
    /// Cleans up what earlier launches of this name left when their launcher died, with this launch's Vault session:
    /// containers, leases (unless that launch ran with <c>--no-revoke</c>), its token, its files. What cannot be removed
    /// stays in this journal for <c>down</c>; the launch goes on. Call once Vault is connected, before fetching secrets.
    /// </summary>
    public async Task RecoverPredecessorsAsync(CancellationToken cancellationToken)
    {
        if (_journal is null || _journal.Current.Inherited.Count == 0)
        {
            return;
        }

        var teardown = new LaunchTeardown(_docker);
        var left = new List<LaunchJournal>();
        foreach (var predecessor in _journal.Current.Inherited)
        {
            var result = await teardown.RunAsync(predecessor, new TeardownOptions
            {
                Vault = _vault,
                VaultNamespace = _journalOptions!.VaultNamespace,
                RevokeLeases = predecessor.RevokeOnExit,
                StopGrace = _stopGrace,
            }, cancellationToken);
            foreach (var line in result.Done)
            {
                Log.PredecessorCleaned(_logger, predecessor.Name, predecessor.LaunchId, line);
            }

            foreach (var line in result.Problems)
            {
                Log.PredecessorLeftover(_logger, predecessor.Name, predecessor.LaunchId, line);
            }

            if (result.Remaining is { } remaining)
            {
                left.Add(remaining with { State = JournalState.Incomplete, Leftovers = result.Problems });
            }
        }

        _journal.Update(j => j with { Inherited = left });
    }

    /// <summary>Records keyed fingerprints of the secrets' content (see <see cref="JournalWriter.SetFingerprints"/>).</summary>
    public void RecordSecrets(SecretSet secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _journal?.SetFingerprints(secrets.Contents());
    }

    /// <summary>Follows the renewal loop's events (a <see cref="Leases.LeaseEventFanOut"/> subscription) into the journal until they complete.</summary>
    public void FollowLeaseEvents(ChannelReader<LeaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (_journal is { } journal)
        {
            _ = journal.FollowAsync(events, CancellationToken.None);
        }
    }

    private static void AddLeftover(List<string> leftovers, string line)
    {
        lock (leftovers)
        {
            leftovers.Add(line);
        }
    }

    private void DeleteFiles(List<string> leftovers)
    {
        if (_files is null)
        {
            return;
        }

        _files.Dispose();
        if (Directory.Exists(_files.Directory))
        {
            Log.FilesRemoveFailed(_logger, _files.Directory, "still there after deletion");
            AddLeftover(leftovers, $"{_files.Directory}: secret files not deleted");
        }
        else
        {
            _journal?.SetFilesDirectory(null);
        }
    }

    private void CloseJournal(List<string> leftovers)
    {
        if (_journal is not { } journal)
        {
            return;
        }

        Leases.Recorded -= journal.LeaseRecorded;
        Leases.Forgotten -= journal.LeaseForgotten;
        var kept = journal.Current;
        switch (journal.Close(leftovers))
        {
            case JournalState.Ended:
                Log.LeasesKept(_logger, kept.Leases.Count, kept.Vault.TokenToRevoke ? " and the token it logged in for" : string.Empty, kept.Name);
                break;
            case JournalState.Incomplete:
                Log.JournalKeptIncomplete(_logger, kept.Name, journal.Path);
                break;
            default:
                break;
        }
    }
}
