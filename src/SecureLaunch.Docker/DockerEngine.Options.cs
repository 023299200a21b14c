using Docker.DotNet;
using Docker.DotNet.Models;
using SecureLaunch.Docker.Containers;
using SecureLaunch.Docker.Logging;
using SecureLaunch.Docker.Mapping;
using SecureLaunch.Docker.Networks;
using ContainerSpec = SecureLaunch.Docker.Containers.ContainerSpec;

namespace SecureLaunch.Docker;

/// <summary>What the <c>docker run</c> options need beyond create: pulls, networks, state and health.</summary>
public sealed partial class DockerEngine
{
    /// <inheritdoc/>
    /// <remarks><c>POST /images/create</c>: 200 (an error may still come inside the stream), 404, 500.</remarks>
    public Task PullImageAsync(string image, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return CallAsync($"pull image {image}", async token =>
        {
            await _images.PullAsync(image, token);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>GET /containers/{id}/json</c>: 200, 404.</remarks>
    public Task<ContainerState> InspectContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        return CallAsync($"inspect container {new ShortId(containerId)}", async token =>
            (await _client.Containers.InspectContainerAsync(containerId, token)).ToState(), cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>GET /networks</c>: 200, 500.</remarks>
    public Task<IReadOnlyList<NetworkSummary>> ListNetworksAsync(CancellationToken cancellationToken) =>
        CallAsync("list networks", async token =>
        {
            var networks = await _client.Networks.ListNetworksAsync(new NetworksListParameters(), token);
            IReadOnlyList<NetworkSummary> summaries = [.. networks.Select(n => new NetworkSummary(n.Name, n.ID, n.Driver ?? "", n.Scope ?? "", n.Attachable))];
            return summaries;
        }, cancellationToken);

    /// <summary>
    /// <c>POST /networks/{id}/connect</c> (200, 403 not allowed for this network, 404, 500) for each network after
    /// the first, which create already joined. A failure removes the container: the caller never got its id.
    /// </summary>
    private async Task ConnectNetworksAsync(string containerId, ContainerSpec spec, CancellationToken cancellationToken)
    {
        foreach (var network in spec.Networks.Skip(1))
        {
            try
            {
                await _client.Networks.ConnectNetworkAsync(network.Name, new NetworkConnectParameters
                {
                    Container = containerId,
                    EndpointConfig = new EndpointSettings { Aliases = [.. network.Aliases] },
                }, cancellationToken);
                Log.NetworkConnected(_logger, spec.Name, network.Name);
            }
            catch (Exception e) when (e is DockerApiException or OperationCanceledException)
            {
                await RemoveContainerAsync(containerId, CancellationToken.None);
                if (e is DockerApiException api)
                {
                    throw new DockerEngineException($"connect container {spec.Name} to network {network.Name}: {Errors.DockerErrors.DaemonMessage(api)}", api.StatusCode, api);
                }

                throw;
            }
        }
    }
}
