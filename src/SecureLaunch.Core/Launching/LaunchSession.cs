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
public sealed class LaunchSession : IAsyncDisposable
{
    private static readonly TimeSpan CleanupBudget = TimeSpan.FromSeconds(60);

    private readonly IVaultClient _vault;
    private readonly IContainerEngine _docker;
    private readonly ILogger _logger;
    private readonly TimeSpan _stopGrace;
    private readonly List<(string Name, string Id)> _containers = [];
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
    public bool CreatedToken { get; set; }

    /// <summary>The secret file directory, created on first use.</summary>
    public SecretFileStore? Files { get; set; }

    /// <summary>Records a created container so that it is removed whatever happens next.</summary>
    public void Track(string name, string containerId)
    {
        lock (_containers)
        {
            _containers.Add((name, containerId));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var budget = new CancellationTokenSource(CleanupBudget);
        await RemoveContainersAsync(budget.Token);
        await RevokeLeasesAsync(budget.Token);
        await RevokeTokenAsync(budget.Token);
        Files?.Dispose();
        Log.CleanedUp(_logger, LaunchId);
    }

    private async Task RemoveContainersAsync(CancellationToken cancellationToken)
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
            }
            catch (Exception ex) when (ex is DockerEngineException or OperationCanceledException)
            {
                Log.ContainerRemoveFailed(_logger, c.Name, ex.Message);
            }
        }));
    }

    /// <summary>Revokes a token we logged in for; never one the user handed us (they may still need it).</summary>
    private async Task RevokeTokenAsync(CancellationToken cancellationToken)
    {
        if (!CreatedToken)
        {
            return;
        }

        try
        {
            await _vault.RevokeSelfAsync(cancellationToken);
            Log.TokenRevoked(_logger);
        }
        catch (Exception ex) when (ex is VaultException or OperationCanceledException)
        {
            Log.TokenRevokeFailed(_logger, ex.Message);
        }
    }

    private async Task RevokeLeasesAsync(CancellationToken cancellationToken)
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
            }
        }));
        if (leases.Count > 0)
        {
            Log.LeasesRevoked(_logger, revoked);
        }
    }
}
