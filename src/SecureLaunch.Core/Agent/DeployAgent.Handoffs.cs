using System.Security.Cryptography;
using System.Text.Json;
using SecureLaunch.Core.Deploy;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Swarm;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Agent;

/// <summary>Hand-offs: each one opened, answered with a result config, and removed.</summary>
public sealed partial class DeployAgent
{
    private async Task AnswerHandoffsAsync(IReadOnlyList<SwarmObjectInfo> handoffs, CancellationToken cancellationToken)
    {
        foreach (var config in handoffs)
        {
            var name = config.Labels.GetValueOrDefault(DeployLabels.Name) ?? config.Name;
            HandoffResult result;
            try
            {
                result = await AnswerAsync(config, cancellationToken);
            }
            catch (Exception ex) when (ex is LaunchException or VaultException or DockerEngineException or CryptographicException or JsonException)
            {
                result = new HandoffResult(HandoffResult.Failed, ex.Message);
            }

            Log.HandoffAnswered(_logger, name, config.Name, result.Status, result.Reason);
            await _store.PutResultAsync(config.Id, name, result, cancellationToken);
            await _store.RemoveAsync(config.Id, cancellationToken);
        }
    }

    private async Task<HandoffResult> AnswerAsync(SwarmObjectInfo config, CancellationToken cancellationToken)
    {
        Handoff? handoff;
        try
        {
            handoff = await _store.OpenHandoffAsync(config, _options.Key, cancellationToken);
        }
        catch (CryptographicException)
        {
            return new HandoffResult(HandoffResult.Failed, $"hand-off {config.Name} was not sealed to this agent's key ({_options.Key.Fingerprint}) or was altered; nothing was done");
        }

        if (handoff is null)
        {
            return new HandoffResult(HandoffResult.Failed, $"hand-off {config.Name} vanished before it was read");
        }

        return handoff.Kind == HandoffKind.Undeploy
            ? await UndeployAsync(handoff.Name)
            : await DeployAsync(handoff, cancellationToken);
    }

    private async Task<HandoffResult> DeployAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        var loaded = SpecLoader.LoadValues(handoff.Spec, handoff.Source);
        if (loaded.Spec is not { } spec)
        {
            return new HandoffResult(HandoffResult.Failed, string.Join("; ", loaded.Errors.Select(e => e.ToString())));
        }

        var (token, accessor) = await UnwrapAsync(handoff, cancellationToken);
        _launches.TryGetValue(handoff.Name, out var previous);
        if (previous is not null && previous.SpecHash == handoff.SpecHash)
        {
            // The launch runs this spec already: the new token has no use, and an orphan periodic token must not linger.
            await RevokeAsync(token, cancellationToken);
            return new HandoffResult(HandoffResult.Unchanged, $"launch {handoff.Name} already runs this spec");
        }

        // A changed spec updates the running services in place; the previous launch's leases and token then go.
        var launch = previous is null
            ? await AgentLaunch.DeployAsync(_options, handoff, spec, token, accessor, cancellationToken)
            : await AgentLaunch.UpdateAsync(_options, handoff, spec, token, accessor, previous, cancellationToken);
        _launches[handoff.Name] = launch;
        launch.Record = previous?.Record;
        await WriteAsync(launch, heartbeat: true, cancellationToken);
        launch.WrittenFingerprint = launch.Fingerprint();
        if (previous is not null)
        {
            await previous.RetireAsync();
            Log.LaunchUpdated(_logger, handoff.Name, launch.LaunchId);
        }

        Log.LaunchDeployed(_logger, handoff.Name, launch.LaunchId, spec.Services.Count, spec.Secrets.Count);
        return new HandoffResult(HandoffResult.Converged, $"launch {handoff.Name} ({launch.LaunchId}): {spec.Services.Count} service(s) running");
    }

    private async Task<HandoffResult> UndeployAsync(string name)
    {
        if (!_launches.Remove(name, out var launch))
        {
            return new HandoffResult(HandoffResult.NotFound, $"no launch named {name} is deployed");
        }

        await launch.UndeployAsync();
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(30), _options.TimeProvider);
        await _store.RemoveStatesAsync(name, keep: null, budget.Token);
        Log.LaunchUndeployed(_logger, name, launch.LaunchId);
        return new HandoffResult(HandoffResult.Removed, $"launch {name} ({launch.LaunchId}): services, Swarm secrets and configs removed; leases and token revoked");
    }

    /// <summary>
    /// Unwraps the launch token, once. A wrapping token that no longer unwraps was used by someone else (or expired):
    /// that is tampering until shown otherwise, and nothing starts.
    /// </summary>
    private async Task<(string Token, string Accessor)> UnwrapAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(handoff.WrappingToken))
        {
            throw new LaunchException($"hand-off for {handoff.Name} carries no wrapping token");
        }

        using var vault = _options.VaultFactory();
        try
        {
            var issued = await vault.UnwrapTokenAsync(handoff.WrappingToken, cancellationToken);
            return (issued.ClientToken, issued.Accessor);
        }
        catch (VaultApiException ex)
        {
            Log.HandoffTampered(_logger, handoff.Name, handoff.WrappingAccessor ?? "?", ex.Message);
            throw new LaunchException(
                $"TAMPERING? the hand-off's wrapping token (accessor {handoff.WrappingAccessor}) would not unwrap: it was already unwrapped by someone else, or it expired before the agent read it ({ex.Message}); nothing was started, and deploy revokes the launch token");
        }
    }

    private async Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        using var vault = _options.VaultFactory();
        vault.SetToken(token);
        await vault.RevokeSelfAsync(cancellationToken);
    }
}
