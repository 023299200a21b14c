using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Core.Swarm;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Images;

namespace SecureLaunch.Core.Preflight;

/// <summary>
/// <c>services:</c> need a swarm manager, their images, and an isolation the daemon's default runtime gives (Swarm runs
/// every task with it): checked with the containers, so a launch that cannot deploy mints nothing.
/// </summary>
public static partial class DockerPreflight
{
    private static async Task<IReadOnlyList<PreflightCheck>> CheckServicesAsync(
        RunSpec spec, IContainerEngine docker, ISwarmEngine? swarm, EngineInfo engine, Dictionary<string, ImageDetails> images, bool pull, CancellationToken cancellationToken)
    {
        if (spec.Services.Count == 0)
        {
            return [];
        }

        if (swarm is null)
        {
            return [PreflightCheck.Failed("swarm", $"{spec.Services[0].Location}: this Docker engine cannot deploy Swarm services")];
        }

        var checks = new List<PreflightCheck>();
        var status = await swarm.GetSwarmStatusAsync(cancellationToken);
        checks.Add(status.CanDeploy
            ? PreflightCheck.Ok("swarm", $"this daemon is a manager of a swarm of {status.Nodes ?? 1} node(s)")
            : PreflightCheck.Failed("swarm", SwarmDeployment.NotAManager(spec.Services[0], status).Message));
        foreach (var image in spec.Services.Select(s => s.Image).Distinct(StringComparer.Ordinal).Where(i => !images.ContainsKey(i)))
        {
            checks.Add(await CheckImageAsync(docker, image, PullPolicy.Missing, pull, images, cancellationToken));
        }

        foreach (var service in spec.Services)
        {
            try
            {
                var isolation = SwarmIsolation.Resolve(service, engine);
                checks.Add(PreflightCheck.Ok($"service {service.Name}", $"{service.Replicas} replica(s), isolation {isolation ?? $"of the default runtime ({engine.DefaultRuntime})"}"));
            }
            catch (LaunchException ex)
            {
                checks.Add(PreflightCheck.Failed($"service {service.Name}", ex.Message));
            }
        }

        return checks;
    }
}
