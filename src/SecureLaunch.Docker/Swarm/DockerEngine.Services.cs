using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using SecureLaunch.Docker.Errors;
using SecureLaunch.Docker.Logging;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Docker;

/// <summary>Swarm services: create, inspect, update, remove, list by label.</summary>
public sealed partial class DockerEngine
{
    /// <inheritdoc/>
    /// <remarks>
    /// <c>POST /services/create</c>: 201; 400 bad parameter; 403 network not eligible; 409 name in use; 500; 503 not
    /// a swarm. Environment values are sent, never logged; a daemon message quoting one has it masked.
    /// </remarks>
    public Task<string> CreateServiceAsync(SwarmServiceSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var body = spec.ToServiceSpec();
        return CallAsync($"create service {spec.Name}", async token =>
        {
            ServiceCreateResponse created;
            try
            {
                created = await _client.Swarm.CreateServiceAsync(new ServiceCreateParameters { Service = body }, token);
            }
            catch (DockerApiException e)
            {
                throw SecretMasking.MaskedError(e, $"create service {spec.Name} from {spec.Image}", spec.Environment.Values);
            }

            foreach (var warning in created.Warnings ?? [])
            {
                Log.ServiceWarning(_logger, spec.Name, warning);
            }

            var id = created.ID ?? throw new DockerEngineException($"create service {spec.Name}: the daemon answered without an id");
            Log.ServiceCreated(_logger, spec.Name, new ShortId(id), spec.Image, spec.Replicas, spec.Secrets.Count);
            return id;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>GET /services/{id}</c>: 200; 404 no such service; 500; 503.</remarks>
    public Task<SwarmServiceInfo> InspectServiceAsync(string serviceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        return CallAsync($"inspect service {new ShortId(serviceId)}", async token =>
            (await _client.Swarm.InspectServiceAsync(serviceId, token)).ToInfo(), cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>POST /services/{id}/update?version=N</c>: 200; 400 bad parameter; 404; 500 (also "update out of
    /// sequence" when <paramref name="version"/> is stale: read the service again and retry); 503.
    /// </remarks>
    public Task UpdateServiceAsync(string serviceId, ulong version, SwarmServiceSpec spec, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentNullException.ThrowIfNull(spec);
        var body = spec.ToServiceSpec();
        var id = new ShortId(serviceId);
        return CallAsync($"update service {spec.Name}", async token =>
        {
            ServiceUpdateResponse updated;
            try
            {
                updated = await _client.Swarm.UpdateServiceAsync(
                    serviceId, new ServiceUpdateParameters { Service = body, Version = checked((long)version) }, token);
            }
            catch (DockerApiException e)
            {
                throw SecretMasking.MaskedError(e, $"update service {spec.Name}", spec.Environment.Values);
            }

            foreach (var warning in updated.Warnings ?? [])
            {
                Log.ServiceWarning(_logger, spec.Name, warning);
            }

            Log.ServiceUpdated(_logger, spec.Name, id, version);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>DELETE /services/{id}</c>: 200; 404 gone (success); 500; 503.</remarks>
    public Task RemoveServiceAsync(string serviceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        var id = new ShortId(serviceId);
        return CallAsync($"remove service {id}", async token =>
        {
            try
            {
                await _client.Swarm.RemoveServiceAsync(serviceId, token);
                Log.ServiceRemoved(_logger, id);
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                Log.SwarmObjectAlreadyGone(_logger, "service", id);
            }

            return true;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>GET /services?filters={"label":["k=v",...]}</c>: 200, 500, 503.</remarks>
    public Task<IReadOnlyList<SwarmServiceInfo>> ListServicesAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return CallAsync("list services", async token =>
        {
            var parameters = new ServiceListParameters();
            if (labels.Count > 0)
            {
                parameters.Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = labels.ToDictionary(l => $"{l.Key}={l.Value}", _ => true),
                };
            }

            var services = await _client.Swarm.ListServicesAsync(parameters, token);
            IReadOnlyList<SwarmServiceInfo> infos = services.Select(s => s.ToInfo()).ToList();
            return infos;
        }, cancellationToken);
    }
}
