using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Core.Swarm;

/// <summary>A changed spec for a running launch: its services updated where they stand, by Swarm's rolling update.</summary>
public sealed partial class SwarmDeployment
{
    /// <summary>
    /// Brings the running services of <see cref="SwarmDeploymentRequest.LaunchId"/> to the request's spec and secrets:
    /// a service that exists is updated in place (a rolling update, per its update policy) to its new spec and new
    /// secret versions; a new one is created; one the spec no longer has is removed. Waits for every service to
    /// converge, then removes the secret versions no longer mounted. A version whose content did not change keeps its
    /// name (the hash key is the launch's) and is not swapped. On failure the services are left as Swarm left them
    /// (its update policy may roll back), and the exception leaves.
    /// </summary>
    public static async Task<SwarmDeployment> UpdateInPlaceAsync(SwarmDeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deployment = new SwarmDeployment(request);
        var rendered = new List<RenderedService>();
        try
        {
            await RenderAllAsync(request, rendered, cancellationToken);
            var live = await request.Swarm.ListServicesAsync(SwarmLabels.ForLaunch(request.LaunchId), cancellationToken);
            var init = rendered.Any(r => r.NeedsInit) ? ReadInit(request, rendered.First(r => r.NeedsInit).Definition) : null;
            var initConfig = init is null ? null : await deployment.CreateInitConfigAsync(init, cancellationToken);
            var before = new Dictionary<string, IReadOnlyList<SwarmFileReference>>(StringComparer.Ordinal);
            foreach (var service in rendered)
            {
                var existing = live.FirstOrDefault(s => ServiceOf(s) == service.Definition.Name);
                if (existing is null)
                {
                    await deployment.CreateServiceAsync(service, initConfig, cancellationToken);
                    continue;
                }

                var (spec, slots) = await deployment.PrepareAsync(service, initConfig, cancellationToken);
                var current = await request.Swarm.InspectServiceAsync(existing.Id, cancellationToken);
                await request.Swarm.UpdateServiceAsync(existing.Id, current.Version, spec, cancellationToken);
                await deployment.RegisterAsync(service, existing.Id, spec, slots, cancellationToken);
                before[existing.Id] = existing.Secrets;
                Log.ServiceUpdatedInPlace(deployment._logger, service.Definition.Name, spec.Name, spec.Secrets.Count(r => !existing.Secrets.Any(o => o.Id == r.Id)));
            }

            foreach (var gone in live.Where(s => !rendered.Any(r => r.Definition.Name == ServiceOf(s))))
            {
                await request.Swarm.RemoveServiceAsync(gone.Id, cancellationToken);
            }

            await Task.WhenAll(deployment._services.Select(s => deployment.ConvergeAsync(s, cancellationToken)));
            foreach (var service in deployment._services.Where(s => before.ContainsKey(s.Id)))
            {
                var stale = before[service.Id].Where(old => !service.Spec.Secrets.Any(r => r.Id == old.Id));
                await deployment.RemoveUnusedAsync(service, [.. stale.Select(r => new SwarmObjectInfo(r.Id, r.Name, SwarmLabels.ForLaunch(request.LaunchId)))], cancellationToken);
            }

            return deployment;
        }
        catch
        {
            await deployment.DetachAsync();
            throw;
        }
        finally
        {
            rendered.ForEach(r => r.Secrets.ToList().ForEach(s => s.Dispose()));
        }
    }

    private static string? ServiceOf(SwarmServiceInfo service) => service.Labels.GetValueOrDefault(SwarmLabels.Service);
}
