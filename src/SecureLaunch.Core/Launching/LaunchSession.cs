using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Leases;
using SecureLaunch.Docker;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Launching;

/// <summary>
/// Owns what one launch created: containers, leases and secret files. Disposal tears them down in
/// order (stop containers with grace, remove them, revoke leases, delete files); it is idempotent and
/// never throws, so nothing half-started is left behind whatever failed.
/// </summary>
public sealed partial class LaunchSession : IAsyncDisposable
{
    private static readonly TimeSpan CleanupBudget = TimeSpan.FromSeconds(60);

    private readonly IVaultClient _vault;
    private readonly IContainerEngine _docker;
    private readonly ILogger _logger;
    private readonly TimeSpan _stopGrace;
    private readonly List<(string Name, string Id)> _containers = [];
    private bool _createdToken;
    private string? _tokenAccessor;
    private SecretFileStore? _files;
    private int _disposed;

    public LaunchSession(string launchId, IVaultClient vault, IContainerEngine docker, ILogger logger, TimeSpan stopGrace)
    {
        ArgumentException.ThrowIfNullOrEmpty(launchId);
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(logger);
        LaunchId = launchId;
        _vault = vault;
        _docker = docker;
        _logger = logger;
        _stopGrace = stopGrace;
    }

    public string LaunchId { get; }

    public LeaseLedger Leases { get; } = new();

    /// <summary>Whether the Vault token in use was created by our login, and so is ours to revoke at the end.</summary>
    public bool CreatedToken
    {
        get => _createdToken;
        set
        {
            _createdToken = value;
            _journal?.SetToken(_tokenAccessor, value);
        }
    }

    /// <summary>The accessor of the token in use (never the token), for the journal: <c>down</c> revokes a created token by it.</summary>
    public string? TokenAccessor
    {
        get => _tokenAccessor;
        set
        {
            _tokenAccessor = value;
            _journal?.SetToken(value, _createdToken);
        }
    }

    /// <summary>The secret file directory, created on first use.</summary>
    public SecretFileStore? Files
    {
        get => _files;
        set
        {
            _files = value;
            _journal?.SetFilesDirectory(value?.Directory);
        }
    }

    /// <summary>Records a created container so that it is removed whatever happens next.</summary>
    public void Track(string name, string containerId)
    {
        lock (_containers)
        {
            _containers.Add((name, containerId));
        }

        _journal?.AddContainer(name, containerId);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var budget = new CancellationTokenSource(CleanupBudget);
        var leftovers = new List<string>();
        _journal?.Stopping();
        await RemoveContainersAsync(leftovers, budget.Token);
        if (RevokeOnExit)
        {
            await RevokeLeasesAsync(leftovers, budget.Token);
            await RevokeTokenAsync(leftovers, budget.Token);
        }

        DeleteFiles(leftovers);
        CloseJournal(leftovers);
        Log.CleanedUp(_logger, LaunchId);
    }

    private async Task RemoveContainersAsync(List<string> leftovers, CancellationToken cancellationToken)
    {
        List<(string Name, string Id)> containers;
        lock (_containers)
        {
            containers = [.. _containers];
        }

        if (containers.Count > 0)
        {
            Log.Stopping(_logger, containers.Count, (int)_stopGrace.TotalSeconds);
        }

        await Task.WhenAll(containers.Select(async c =>
        {
            try
            {
                await _docker.StopContainerAsync(c.Id, _stopGrace, cancellationToken);
            }
            catch (Exception ex) when (ex is DockerEngineException or OperationCanceledException)
            {
                // Removal below is forced; a failed graceful stop only loses the grace.
            }

            try
            {
                await _docker.RemoveContainerAsync(c.Id, cancellationToken);
                _journal?.RemoveContainer(c.Id);
            }
            catch (Exception ex) when (ex is DockerEngineException or OperationCanceledException)
            {
                Log.ContainerRemoveFailed(_logger, c.Name, ex.Message);
                AddLeftover(leftovers, $"container {c.Name}: not removed: {ex.Message}");
            }
        }));
    }

    /// <summary>Revokes a token we logged in for; never one the user handed us (they may still need it).</summary>
    private async Task RevokeTokenAsync(List<string> leftovers, CancellationToken cancellationToken)
    {
        if (!CreatedToken)
        {
            return;
        }

        try
        {
            await _vault.RevokeSelfAsync(cancellationToken);
            _journal?.TokenRevoked();
            Log.TokenRevoked(_logger);
        }
        catch (Exception ex) when (ex is VaultException or OperationCanceledException)
        {
            Log.TokenRevokeFailed(_logger, ex.Message);
            AddLeftover(leftovers, $"token (accessor {_tokenAccessor}): not revoked: {ex.Message}");
        }
    }

    private async Task RevokeLeasesAsync(List<string> leftovers, CancellationToken cancellationToken)
    {
        var leases = Leases.Snapshot();
        var revoked = 0;
        await Task.WhenAll(leases.Select(async entry =>
        {
            try
            {
                await _vault.RevokeLeaseAsync(entry.Lease.LeaseId, cancellationToken);
                Leases.Forget(entry.Lease.LeaseId);
                Interlocked.Increment(ref revoked);
            }
            catch (Exception ex) when (ex is VaultException or OperationCanceledException)
            {
                Log.LeaseRevokeFailed(_logger, new ShortLeaseId(entry.Lease.LeaseId), ex.Message);
                AddLeftover(leftovers, $"lease {new ShortLeaseId(entry.Lease.LeaseId)} (secret {entry.Secret}): not revoked: {ex.Message}");
            }
        }));
        if (leases.Count > 0)
        {
            Log.LeasesRevoked(_logger, revoked);
        }
    }
}
