using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using SecureLaunch.Docker.Containers;
using SecureLaunch.Docker.Logging;
using SecureLaunch.Docker.Mapping;

namespace SecureLaunch.Docker;

/// <summary>Stopping, signalling, removing and finding containers.</summary>
public sealed partial class DockerEngine
{
    /// <inheritdoc/>
    /// <remarks>
    /// <c>POST /containers/{id}/stop?t=seconds</c>: 204, 304 already stopped (not an error), 404, 500. The daemon
    /// sends the stop signal, waits the grace (rounded up to whole seconds, as the API counts them), then kills.
    /// </remarks>
    public Task StopContainerAsync(string containerId, TimeSpan grace, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        var id = new ShortId(containerId);
        var seconds = (uint)Math.Min(Math.Ceiling(grace.TotalSeconds), uint.MaxValue);
        return CallAsync($"stop container {id}", async token =>
        {
            var stopped = await _client.Containers.StopContainerAsync(
                containerId, new ContainerStopParameters { WaitBeforeKillSeconds = seconds }, token);
            if (stopped)
            {
                Log.ContainerStopped(_logger, id, grace);
            }
            else
            {
                Log.ContainerAlreadyStopped(_logger, id);
            }

            return stopped;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>POST /containers/{id}/kill?signal=NAME</c>: 204, 404, 409 not running, 500 (an unknown signal).</remarks>
    public Task SignalContainerAsync(string containerId, string signal, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        var id = new ShortId(containerId);
        return CallAsync($"send {signal} to container {id}", async token =>
        {
            await _client.Containers.KillContainerAsync(containerId, new ContainerKillParameters { Signal = signal }, token);
            Log.ContainerSignalled(_logger, id, signal);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>DELETE /containers/{id}?force=1&amp;v=1</c>: 204; 404 (already gone) is success; 409 "removal already in
    /// progress" is success too, since another caller is removing it; any other 409 or 500 is an error.
    /// </remarks>
    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        var id = new ShortId(containerId);
        return CallAsync($"remove container {id}", async token =>
        {
            try
            {
                await _client.Containers.RemoveContainerAsync(
                    containerId, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, token);
                Log.ContainerRemoved(_logger, id);
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound || IsRemovalInProgress(e))
            {
                Log.ContainerAlreadyGone(_logger, id);
            }

            return true;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>GET /containers/json?all=1&amp;filters={"label":["k=v",...]}</c>: 200, 400, 500. No labels lists every container.</remarks>
    public Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return CallAsync("list containers", async token =>
        {
            var parameters = new ContainersListParameters { All = true };
            if (labels.Count > 0)
            {
                parameters.Filters = ContainerSummaryMapper.LabelFilter(labels);
            }

            var rows = await _client.Containers.ListContainersAsync(parameters, token);
            IReadOnlyList<ContainerSummary> summaries = rows.Select(row => row.ToSummary()).ToList();
            return summaries;
        }, cancellationToken);
    }

    private static bool IsRemovalInProgress(DockerApiException exception) =>
        exception.StatusCode == HttpStatusCode.Conflict
        && exception.ResponseBody?.Contains("already in progress", StringComparison.OrdinalIgnoreCase) == true;
}
