using Docker.DotNet;
using Docker.DotNet.Models;
using SecureLaunch.Docker.Containers;
using SecureLaunch.Docker.Errors;
using SecureLaunch.Docker.Logging;
using SecureLaunch.Docker.Mapping;
using ContainerSpec = SecureLaunch.Docker.Containers.ContainerSpec;

namespace SecureLaunch.Docker;

/// <summary>Bringing a container up: create, attach, start, wait for its exit.</summary>
public sealed partial class DockerEngine
{
    /// <inheritdoc/>
    /// <remarks>
    /// <c>POST /containers/create</c>: 201; 404 no such image or network, 409 name in use, 400 bad parameter (an
    /// unknown runtime), 500 (an isolation the daemon does not support); then each further network is connected. Environment
    /// values are sent, never logged nor put in an exception message: a daemon message that quotes one has it masked. With
    /// <see cref="ContainerSpec.Links"/>, the links are then put in place (see <c>CreateLinksAsync</c>). When a network
    /// connection or the links fail, the container is removed again and the failure thrown.
    /// </remarks>
    public Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        var parameters = spec.ToCreateParameters();
        return CallAsync($"create container {spec.Name}", async token =>
        {
            CreateContainerResponse created;
            try
            {
                created = await _client.Containers.CreateContainerAsync(parameters, token);
            }
            catch (DockerApiException e)
            {
                throw SecretMasking.MaskedError(e, $"create container {spec.Name} from {spec.Image}", spec.Environment.Values);
            }

            foreach (var warning in created.Warnings ?? [])
            {
                Log.CreateWarning(_logger, spec.Name, warning);
            }

            Log.ContainerCreated(_logger, spec.Name, new ShortId(created.ID), spec.Image, spec.Environment.Count);
            await ConnectNetworksAsync(created.ID, spec, token);
            if (spec.Links.Count > 0)
            {
                await CreateLinksAsync(created.ID, spec, token);
            }

            return created.ID;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>POST /containers/{id}/attach?stream=1&amp;stdout=1&amp;stderr=1</c> (after an inspect, which tells the client
    /// whether the stream is multiplexed): 101/200, 404, 409 for a container that has already stopped.
    /// <paramref name="cancellationToken"/> covers setting up the attachment only; the copy runs until the
    /// container's output ends or the attachment is disposed, so that a shutdown still drains the last lines.
    /// </remarks>
    public Task<ContainerAttachment> AttachAsync(string containerId, Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var id = new ShortId(containerId);
        return CallAsync($"attach to container {id}", async token =>
        {
            var parameters = new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true, Stdin = false };
            var stream = await _client.Containers.AttachContainerAsync(containerId, parameters, token);
            Log.Attached(_logger, id);
            return new ContainerAttachment(containerId, stream, stdout, stderr, _logger);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>POST /containers/{id}/start</c>: 204, 304 already started (not an error), 404, 500.</remarks>
    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        var id = new ShortId(containerId);
        return CallAsync($"start container {id}", async token =>
        {
            var started = await _client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), token);
            if (started)
            {
                Log.ContainerStarted(_logger, id);
            }
            else
            {
                Log.ContainerAlreadyStarted(_logger, id);
            }

            return started;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>POST /containers/{id}/wait</c> (condition <c>not-running</c>, the only one Docker.DotNet sends): 200, 404.
    /// That condition answers at once, with 0, for a container that was created but never started, so such
    /// a container is refused rather than reported as having exited cleanly: call this after starting it.
    /// </remarks>
    /// <exception cref="DockerEngineException">The container has not been started (409), or the daemon failed.</exception>
    public Task<long> WaitContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        var id = new ShortId(containerId);
        return CallAsync($"wait for container {id}", async token =>
        {
            var inspected = await _client.Containers.InspectContainerAsync(containerId, token);
            if (string.Equals(inspected.State?.Status, "created", StringComparison.Ordinal))
            {
                throw new DockerEngineException(
                    $"wait for container {id}: it has not been started", System.Net.HttpStatusCode.Conflict);
            }

            var response = await _client.Containers.WaitContainerAsync(containerId, token);
            if (!string.IsNullOrWhiteSpace(response.Error?.Message))
            {
                Log.ContainerExitedWithError(_logger, id, response.StatusCode, response.Error.Message);
            }
            else
            {
                Log.ContainerExited(_logger, id, response.StatusCode);
            }

            return response.StatusCode;
        }, cancellationToken);
    }
}
