using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Vault.Secrets;

namespace SecureLaunch.Core.Journal;

/// <summary>
/// Keeps one launch's journal up to date while it runs: every change is applied to an immutable
/// <see cref="LaunchJournal"/> and written at once (atomically, by the <see cref="JournalStore"/>). Thread-safe; a failed
/// write is logged and the launch goes on (the containers should not die because <c>status</c> would be stale).
/// </summary>
/// <remarks>
/// Only names, ids, accessors, times and value-free messages reach it; content is recorded as a keyed fingerprint
/// whose key (<see cref="_fingerprintKey"/>) never leaves this process.
/// </remarks>
public sealed partial class JournalWriter
{
    private readonly JournalStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly byte[] _fingerprintKey = RandomNumberGenerator.GetBytes(32);
    private LaunchJournal _journal;
    private bool _closed;
    private bool _writeFailed;

    private JournalWriter(JournalStore store, LaunchJournal journal, TimeProvider time, ILogger logger)
    {
        _store = store;
        _journal = journal;
        _time = time;
        _logger = logger;
    }

    /// <summary>The journal as last written.</summary>
    public LaunchJournal Current
    {
        get
        {
            lock (_gate)
            {
                return _journal;
            }
        }
    }

    /// <summary>Where the journal is.</summary>
    public string Path => _store.PathOf(Current.Name);

    /// <summary>Claims the launch name with <paramref name="initial"/> (see <see cref="JournalStore.Claim"/>) and returns its writer.</summary>
    /// <exception cref="Launching.LaunchException">A live launch holds the name, or the journal cannot be written.</exception>
    public static JournalWriter Claim(JournalStore store, LaunchJournal initial, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        LaunchJournal claimed;
        try
        {
            claimed = store.Claim(initial);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Launching.LaunchException(
                $"cannot write the launch journal in {store.Directory} ({ex.GetType().Name}: {ex.Message}); set {JournalStore.DirectoryVariable} to a writable directory");
        }

        var writer = new JournalWriter(store, claimed, time, logger);
        Log.JournalOpened(logger, initial.Name, writer.Path);
        return writer;
    }

    /// <summary>Applies <paramref name="change"/> and writes the journal. Does nothing once closed; never throws for I/O.</summary>
    public void Update(Func<LaunchJournal, LaunchJournal> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _journal = change(_journal) with { UpdatedAt = _time.GetUtcNow() };
            try
            {
                _store.Write(_journal);
                _writeFailed = false;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Launching.LaunchException)
            {
                if (!_writeFailed)
                {
                    Log.JournalWriteFailed(_logger, _store.PathOf(_journal.Name), ex.Message);
                }

                _writeFailed = true;
            }
        }
    }

    /// <summary>Records the token by accessor, and whether the launch created it (and so must revoke it).</summary>
    public void SetToken(string? accessor, bool created) =>
        Update(j => j with { Vault = j.Vault with { TokenAccessor = accessor, TokenCreated = created, TokenRevoked = false } });

    /// <summary>The created token was revoked.</summary>
    public void TokenRevoked() => Update(j => j with { Vault = j.Vault with { TokenRevoked = true } });

    public void AddContainer(string name, string id) => Update(j => j with { Containers = Add(j.Containers, name, id) });

    public void RemoveContainer(string id) => Update(j => j with { Containers = Remove(j.Containers, id) });

    /// <summary>For the Swarm launcher: a service it created.</summary>
    public void AddService(string name, string id) => Update(j => j with { Services = Add(j.Services, name, id) });

    public void RemoveService(string id) => Update(j => j with { Services = Remove(j.Services, id) });

    /// <summary>For the Swarm launcher: a Swarm secret it created.</summary>
    public void AddSwarmSecret(string name, string id) => Update(j => j with { SwarmSecrets = Add(j.SwarmSecrets, name, id) });

    public void RemoveSwarmSecret(string id) => Update(j => j with { SwarmSecrets = Remove(j.SwarmSecrets, id) });

    /// <summary>The launch's secret file directory; null once it is deleted.</summary>
    public void SetFilesDirectory(string? directory) => Update(j => j with { FilesDirectory = directory });

    /// <summary>A lease arrived or was renewed (<see cref="Leases.LeaseLedger.Recorded"/>).</summary>
    public void LeaseRecorded(string secret, VaultLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        Update(j =>
        {
            var known = j.Leases.FirstOrDefault(l => l.LeaseId == lease.LeaseId);
            var path = j.Secrets.FirstOrDefault(s => s.Name == secret)?.Path;
            var entry = (known ?? new JournalLease { LeaseId = lease.LeaseId, Secret = secret, Path = path }) with
            {
                TtlSeconds = (long)lease.Duration.TotalSeconds,
                Renewable = lease.Renewable,
                ObtainedAt = lease.ObtainedAt,
                ExpiresAt = lease.ExpiresAt,
            };
            return j with { Leases = [.. j.Leases.Where(l => l.LeaseId != lease.LeaseId), entry] };
        });
    }

    /// <summary>A lease was revoked or is gone (<see cref="Leases.LeaseLedger.Forgotten"/>).</summary>
    public void LeaseForgotten(string leaseId) => Update(j => j with { Leases = [.. j.Leases.Where(l => l.LeaseId != leaseId)] });

    /// <summary>
    /// Records a keyed fingerprint of each secret's content: HMAC-SHA256 over its fields (sorted by name, each as
    /// name, NUL, value, NUL) under a per-launch random key. A plain SHA-256 of a low-entropy value (a PIN, a short
    /// password) could be reversed by trying candidates; without the key, which only this process holds, it cannot.
    /// </summary>
    public void SetFingerprints(IEnumerable<(string Secret, IEnumerable<KeyValuePair<string, string>> Fields)> contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var fingerprints = contents.ToDictionary(c => c.Secret, c => Fingerprint(c.Fields), StringComparer.Ordinal);
        Update(j => j with
        {
            Secrets = [.. j.Secrets.Select(s => fingerprints.TryGetValue(s.Name, out var f) ? s with { Fingerprint = f } : s)],
        });
    }

    /// <summary>Marks the launch as being torn down.</summary>
    public void Stopping() => Update(j => j with { State = JournalState.Stopping });

    /// <summary>
    /// Ends the journal after the teardown. Deleted when nothing is left; kept as <see cref="JournalState.Ended"/> when
    /// only what <c>--no-revoke</c> keeps on purpose is left (leases, the token); kept as
    /// <see cref="JournalState.Incomplete"/> with <paramref name="leftovers"/> otherwise, for <c>down</c> to finish.
    /// Nothing is written after this.
    /// </summary>
    /// <returns>The state the journal was kept in; null when it was deleted.</returns>
    public JournalState? Close(IReadOnlyList<string> leftovers)
    {
        ArgumentNullException.ThrowIfNull(leftovers);
        var current = Current;
        JournalState? keepAs = leftovers.Count > 0 || current.Inherited.Count > 0 || (current.HoldsResources && current.RevokeOnExit)
            ? JournalState.Incomplete
            : current.HoldsResources ? JournalState.Ended : null;
        if (keepAs is { } state)
        {
            Update(j => j with { State = state, Leftovers = leftovers });
        }

        lock (_gate)
        {
            _closed = true;
            if (keepAs is not null)
            {
                return keepAs;
            }

            try
            {
                _store.Delete(_journal.Name);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.JournalDeleteFailed(_logger, _store.PathOf(_journal.Name), ex.Message);
            }

            return null;
        }
    }

    private string Fingerprint(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _fingerprintKey);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var bytes = Encoding.UTF8.GetBytes($"{name}\0{value}\0");
            hmac.AppendData(bytes);
            CryptographicOperations.ZeroMemory(bytes);
        }

        return "hmac-sha256:" + Convert.ToHexStringLower(hmac.GetHashAndReset())[..16];
    }

    private static IReadOnlyList<JournalResource> Add(IReadOnlyList<JournalResource> list, string name, string id) =>
        [.. list.Where(r => r.Id != id), new JournalResource(name, id)];

    private static IReadOnlyList<JournalResource> Remove(IReadOnlyList<JournalResource> list, string id) =>
        [.. list.Where(r => r.Id != id)];
}
