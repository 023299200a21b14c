using System.Security.Cryptography;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Launching;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Core.Swarm;

/// <summary>Rotation: a new secret version, a service update swapping it on the same target, convergence, the old version removed.</summary>
public sealed partial class SwarmDeployment
{
    private const int UpdateAttempts = 3;

    /// <summary>
    /// Gives the slot <paramref name="secretName"/> (<c>&lt;service&gt;.&lt;entry&gt;</c>, see <see cref="Slots"/>) the content
    /// <paramref name="newContent"/>: creates the new Swarm secret version, updates the service to mount it on the same
    /// target (per the service's update policy), waits until every replica runs it, then removes the old version once
    /// no task uses it. The same content as now does nothing. Calls are serialised.
    /// </summary>
    /// <returns>Whether the service was updated.</returns>
    /// <exception cref="ArgumentException">No such slot, or the hidden env slot (<c>&lt;service&gt;.sl-env</c>), which <see cref="RefreshAsync"/> renders.</exception>
    /// <exception cref="LaunchException">The content is empty or too large for a Swarm secret.</exception>
    /// <exception cref="SwarmConvergenceException">The service did not converge on the new version; the old version is kept.</exception>
    public async Task<bool> RotateSecretAsync(string secretName, string newContent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secretName);
        ArgumentNullException.ThrowIfNull(newContent);
        var slot = Slot(secretName);
        if (slot.Template is null)
        {
            throw new ArgumentException($"'{secretName}' is a service's hidden env, rendered from its env: rotate it with {nameof(RefreshAsync)}", nameof(secretName));
        }

        var content = ServiceRenderer.Encode(secretName, newContent, slot.Location);
        return await RotateAsync([(slot, content)], cancellationToken) > 0;
    }

    /// <summary>
    /// Renders every slot again from <paramref name="secrets"/> (the launch's secrets after a re-fetch) and rotates
    /// those whose content changed, one service update per service. Hidden env is a slot like the others.
    /// </summary>
    /// <returns>How many slots were rotated.</returns>
    public async Task<int> RefreshAsync(SecretSet secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        List<SecretSlot> slots;
        lock (_slots)
        {
            slots = [.. _slots.Values];
        }

        var changes = new List<(SecretSlot Slot, byte[] Content)>();
        try
        {
            foreach (var slot in slots)
            {
                changes.Add((slot, slot.Template is null
                    ? ServiceRenderer.RenderEnv(secrets, slot.Service.Definition)
                    : ServiceRenderer.Encode(slot.Name, secrets.Render(slot.Template, slot.Location), slot.Location)));
            }
        }
        catch
        {
            changes.ForEach(c => CryptographicOperations.ZeroMemory(c.Content));
            throw;
        }

        return await RotateAsync(changes, cancellationToken);
    }

    private SecretSlot Slot(string name)
    {
        lock (_slots)
        {
            return _slots.TryGetValue(name, out var slot)
                ? slot
                : throw new ArgumentException($"no Swarm secret '{name}' in this launch; it has {string.Join(", ", _slots.Keys.Order(StringComparer.Ordinal))}", nameof(name));
        }
    }

    private async Task<int> RotateAsync(IReadOnlyList<(SecretSlot Slot, byte[] Content)> changes, CancellationToken cancellationToken)
    {
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
            await _gate.WaitAsync(linked.Token);
            try
            {
                ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
                var rotated = 0;
                foreach (var service in changes.Where(c => Hash(c.Content) != c.Slot.Hash).GroupBy(c => c.Slot.Service))
                {
                    await RotateServiceAsync(service.Key, [.. service], linked.Token);
                    rotated += service.Count();
                }

                return rotated;
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            foreach (var (_, content) in changes)
            {
                CryptographicOperations.ZeroMemory(content);
            }
        }
    }

    private async Task RotateServiceAsync(DeployedService service, IReadOnlyList<(SecretSlot Slot, byte[] Content)> changes, CancellationToken cancellationToken)
    {
        var swaps = new List<(SecretSlot Slot, SwarmObjectInfo Old, SwarmObjectInfo New, string Hash)>();
        foreach (var (slot, content) in changes)
        {
            var (created, hash) = await CreateVersionAsync(slot.Name, content, cancellationToken);
            swaps.Add((slot, slot.Current, created, hash));
        }

        var spec = service.Spec with
        {
            Secrets = [.. service.Spec.Secrets.Select(r => swaps.FirstOrDefault(s => s.Old.Id == r.Id) is { New: { } swapped } ? r with { Id = swapped.Id, Name = swapped.Name } : r)],
        };
        await UpdateAsync(service, spec, cancellationToken);
        lock (_slots)
        {
            service.Spec = spec;
            foreach (var swap in swaps)
            {
                swap.Slot.Current = swap.New;
                swap.Slot.Hash = swap.Hash;
            }
        }

        var converged = await _swarm.WaitForConvergenceAsync(service.Id, _request.ConvergenceTimeout, cancellationToken);
        foreach (var swap in swaps)
        {
            Log.SecretRotated(_logger, service.Definition.Name, swap.Slot.Name, swap.New.Name, converged.Running.Count);
        }

        await RemoveUnusedAsync(service, [.. swaps.Select(s => s.Old)], cancellationToken);
    }

    /// <summary>Sends the whole spec at the service's current version; a concurrent write ("update out of sequence") is retried.</summary>
    private async Task UpdateAsync(DeployedService service, SwarmServiceSpec spec, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await _swarm.InspectServiceAsync(service.Id, cancellationToken);
            try
            {
                await _swarm.UpdateServiceAsync(service.Id, current.Version, spec, cancellationToken);
                return;
            }
            catch (DockerEngineException e) when (attempt < UpdateAttempts && e.Message.Contains("out of sequence", StringComparison.OrdinalIgnoreCase))
            {
                // Someone else wrote the service between our read and our write: read its new version and write again.
            }
        }
    }

    /// <summary>Removes old versions once no task that has not ended still mounts them; one that cannot go yet is left to disposal.</summary>
    private async Task RemoveUnusedAsync(DeployedService service, IReadOnlyList<SwarmObjectInfo> old, CancellationToken cancellationToken)
    {
        var tasks = await _swarm.ListTasksAsync(service.Id, cancellationToken);
        foreach (var secret in old)
        {
            var users = tasks.Count(t => !t.IsTerminal && t.SecretIds.Contains(secret.Id, StringComparer.Ordinal));
            if (users > 0)
            {
                Log.OldVersionKept(_logger, service.Definition.Name, secret.Name, $"{users} task(s) still mount it");
                continue;
            }

            try
            {
                await _swarm.RemoveSecretAsync(secret.Id, cancellationToken);
                Log.OldVersionRemoved(_logger, service.Definition.Name, secret.Name);
            }
            catch (DockerEngineException e)
            {
                Log.OldVersionKept(_logger, service.Definition.Name, secret.Name, e.Message);
            }
        }
    }
}
