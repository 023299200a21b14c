using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Rotation.Events;
using SecureLaunch.Core.Spec;
using SecureLaunch.Vault.Secrets;

namespace SecureLaunch.Core.Rotation;

/// <summary>
/// The <see cref="Leases.LeaseSupervisor"/>'s re-fetch delegate: reads a secret again and, only when its content really
/// differs from what the consumers have (a keyed hash compared, see <see cref="ContentHasher"/>), masks the new values,
/// puts them in the launch's <see cref="SecretSet"/> and asks the <see cref="RotationScheduler"/> to act on the consumers.
/// </summary>
/// <remarks>
/// The order matters: the mask learns the new values before any consumer can see them (files are rewritten, containers
/// restarted, only later by the scheduler), and keeps the old ones. A lease is returned even when acting on the
/// consumers will fail later, so the supervisor renews and revokes it.
/// </remarks>
public sealed class SecretRotator
{
    private readonly SecretFetcher _fetcher;
    private readonly Dictionary<string, SecretDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly SecretSet _secrets;
    private readonly SecretMask _mask;
    private readonly RotationScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ContentHasher _hasher = new();
    private readonly Dictionary<string, byte[]> _hashes = new(StringComparer.Ordinal);

    /// <param name="fetcher">Reads secrets and records their leases in the launch's ledger.</param>
    /// <param name="definitions">The spec's secrets.</param>
    /// <param name="secrets">The launch's secrets as first fetched; updated in place on each change.</param>
    /// <param name="mask">The launch's output mask; new values are added, none removed.</param>
    /// <param name="scheduler">Acts on the consumers.</param>
    /// <param name="timeProvider">For event timestamps.</param>
    /// <param name="logger">Null for none.</param>
    public SecretRotator(
        SecretFetcher fetcher,
        IEnumerable<SecretDefinition> definitions,
        SecretSet secrets,
        SecretMask mask,
        RotationScheduler scheduler,
        TimeProvider timeProvider,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _fetcher = fetcher;
        _secrets = secrets;
        _mask = mask;
        _scheduler = scheduler;
        _time = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        foreach (var definition in definitions)
        {
            _definitions[definition.Name] = definition;
            if (secrets.Get(definition.Name) is { } current)
            {
                _hashes[definition.Name] = _hasher.Hash(current.Data);
            }
        }
    }

    /// <summary>Reads <paramref name="secretName"/> again and rotates it into its consumers when its content changed; returns its lease.</summary>
    /// <exception cref="Launching.LaunchException">Vault refused or could not be reached (the Vault client's exception inside); nothing changed.</exception>
    public async Task<VaultLease?> RefetchAsync(string secretName, CancellationToken cancellationToken)
    {
        var definition = _definitions.TryGetValue(secretName, out var found)
            ? found
            : throw new ArgumentException($"secret '{secretName}' is not in the spec", nameof(secretName));
        var secret = await _fetcher.FetchAsync(definition, cancellationToken);
        var hash = _hasher.Hash(secret.Data);
        bool changed;
        lock (_hashes)
        {
            changed = !_hashes.TryGetValue(secretName, out var previous) || !ContentHasher.Same(previous, hash);
            _hashes[secretName] = hash;
        }

        if (!changed)
        {
            _scheduler.Publish(new SecretUnchanged(secretName, _time.GetUtcNow()));
            Log.SecretContentUnchanged(_logger, secretName);
            return secret.Lease;
        }

        // Masked first: from here on a consumer may see the new values.
        _mask.Add(_secrets.ValuesOf(secret));
        _secrets.Add(definition, secret);
        _scheduler.SecretChanged(secretName);
        return secret.Lease;
    }
}
