using Docker.DotNet.Models;
using SecureLaunch.Docker.Logging;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Docker;

/// <summary>A service's tasks: listing them, waiting for them to converge, following their logs.</summary>
public sealed partial class DockerEngine
{
    /// <summary>How often convergence is checked: what <c>docker service create</c> polls at, roughly.</summary>
    private static readonly TimeSpan ConvergencePoll = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc/>
    /// <remarks><c>GET /tasks?filters={"service":["id"]}</c>: 200, 500, 503. An unknown service gives an empty list.</remarks>
    public Task<IReadOnlyList<SwarmTaskInfo>> ListTasksAsync(string serviceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        return CallAsync($"list tasks of service {new ShortId(serviceId)}", async token =>
        {
            var tasks = await _client.Tasks.ListAsync(new TasksListParameters { Filters = Filter("service", serviceId) }, token);
            IReadOnlyList<SwarmTaskInfo> infos = tasks.Select(t => t.ToInfo()).ToList();
            return infos;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Polls <c>GET /services/{id}</c> and <c>GET /tasks</c> every half second, timed by the engine's <see cref="TimeProvider"/>.</remarks>
    public async Task<SwarmConvergence> WaitForConvergenceAsync(string serviceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        var started = _time.GetTimestamp();
        while (true)
        {
            var service = await InspectServiceAsync(serviceId, cancellationToken);
            var tasks = await ListTasksAsync(serviceId, cancellationToken);
            var state = ConvergenceCheck.Evaluate(service, tasks);
            var waited = _time.GetElapsedTime(started);
            if (state.Converged)
            {
                Log.ServiceConverged(_logger, service.Name, state.Running.Count, waited);
                return state;
            }

            if (state.Hopeless || waited >= timeout)
            {
                Log.ServiceNotConverged(_logger, service.Name, state.Summary);
                throw new SwarmConvergenceException(state, waited);
            }

            await Task.Delay(ConvergencePoll, _time, cancellationToken);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>GET /services/{id}/logs?follow=1&amp;stdout=1&amp;stderr=1</c> (API 1.41; works with the <c>local</c>,
    /// <c>json-file</c> and <c>journald</c> log drivers): 200 multiplexed stream; 404; 500; 503.
    /// <paramref name="cancellationToken"/> covers setting the stream up; it runs until disposed.
    /// </remarks>
    public Task<ServiceLogStream> StreamServiceLogsAsync(string serviceId, Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var id = new ShortId(serviceId);
        return CallAsync($"follow logs of service {id}", async token =>
        {
            var parameters = new ServiceLogsParameters { Follow = true, ShowStdout = true, ShowStderr = true, Tail = "all" };
            var stream = await _client.Swarm.GetServiceLogsAsync(serviceId, false, parameters, token);
            Log.ServiceLogsFollowed(_logger, id);
            return new ServiceLogStream(serviceId, stream, stdout, stderr, _logger);
        }, cancellationToken);
    }
}
