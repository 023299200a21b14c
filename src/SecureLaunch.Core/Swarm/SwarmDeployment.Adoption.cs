using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Launching;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Core.Swarm;

/// <summary>
/// A launch that outlives the process that deployed it (the agent's): taking its running services back without
/// creating anything, and letting go of them without removing anything.
/// </summary>
public sealed partial class SwarmDeployment
{
    /// <summary>
    /// Takes over the running services of <see cref="SwarmDeploymentRequest.LaunchId"/>, found by label: each service's
    /// spec is rendered again from the request's secrets (the launch's state), with the secret and config references
    /// the service mounts now, so rotation goes on from the versions in use. Creates and updates nothing.
    /// </summary>
    /// <exception cref="LaunchException">A service of the spec is gone from the swarm, or mounts no version of one of its secrets.</exception>
    public static async Task<SwarmDeployment> AdoptAsync(SwarmDeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deployment = new SwarmDeployment(request);
        try
        {
            var live = await request.Swarm.ListServicesAsync(SwarmLabels.ForLaunch(request.LaunchId), cancellationToken);
            foreach (var definition in request.Spec.Services)
            {
                var info = live.FirstOrDefault(s => s.Labels.TryGetValue(SwarmLabels.Service, out var name) && name == definition.Name)
                    ?? throw new LaunchException($"launch {request.Spec.Name} ({request.LaunchId}): service '{definition.Name}' is gone from the swarm");
                if (!request.Images.TryGetValue(definition.Image, out var image))
                {
                    image = await request.Docker.InspectImageAsync(definition.Image, cancellationToken);
                }

                var rendered = ServiceRenderer.Render(request, definition, image);
                try
                {
                    await deployment.AdoptAsync(rendered, info, cancellationToken);
                }
                finally
                {
                    foreach (var secret in rendered.Secrets)
                    {
                        secret.Dispose();
                    }
                }
            }

            return deployment;
        }
        catch
        {
            await deployment.DetachAsync();
            throw;
        }
    }

    /// <summary>
    /// Lets go of the services: stops rotation and log streams, and leaves the services, secrets and configs running,
    /// for the next owner of the launch. After this, disposal does nothing. Idempotent; never throws.
    /// </summary>
    public async ValueTask DetachAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        foreach (var service in _services)
        {
            if (service.Logs is not null)
            {
                await service.Logs.DisposeAsync();
            }
        }

        Log.SwarmDetached(_logger, LaunchId, _services.Count);
    }

    /// <summary>Registers a running service with the secret versions it mounts now, as if this deployment had made it.</summary>
    private Task AdoptAsync(RenderedService rendered, SwarmServiceInfo info, CancellationToken cancellationToken)
    {
        var slots = rendered.Secrets.Select(secret =>
        {
            var mounted = info.Secrets.FirstOrDefault(r => r.Target == secret.Target)
                ?? throw new LaunchException($"launch {_request.Spec.Name} ({LaunchId}): service '{rendered.Definition.Name}' mounts nothing at {secret.Target}");
            return (secret, new SwarmObjectInfo(mounted.Id, mounted.Name, SwarmLabels.ForLaunch(LaunchId)), mounted.Name[(mounted.Name.LastIndexOf('_') + 1)..]);
        }).ToList();
        return RegisterAsync(rendered, info.Id, rendered.Spec with { Secrets = info.Secrets, Configs = info.Configs }, slots, cancellationToken);
    }
}
