using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Rotation;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Containers;

namespace SecureLaunch.Core.Launching;

/// <summary>
/// Runs a launch's created containers to their end: each starts as soon as its <c>depends_on</c> conditions hold
/// (so independent ones start together), is waited for, and is started again when its restart policy says so.
/// </summary>
/// <remarks>
/// Restarts are SecureLaunch's, never Docker's (<c>HostConfig.RestartPolicy</c> stays <c>no</c>): a container Docker
/// restarted after a daemon restart would come back with nobody to renew its credentials, after they were revoked.
/// So <c>always</c> and <c>unless-stopped</c> mean "until SecureLaunch is stopped", and such a launch ends by signal.
/// </remarks>
internal sealed partial class ContainerStarter
{
    private readonly IContainerEngine _docker;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public ContainerStarter(IContainerEngine docker, ILogger logger, TimeProvider time)
    {
        _docker = docker;
        _logger = logger;
        _time = time;
    }

    /// <summary>
    /// Starts, waits for and restarts every container; returns their final exit codes. The first failure (a start the
    /// daemon refused, a dependency that turned unhealthy or exited with an error) stops the others and is thrown.
    /// </summary>
    /// <exception cref="LaunchException">A dependency condition can no longer hold.</exception>
    /// <exception cref="DockerEngineException">The daemon refused a start, a wait or an attach.</exception>
    /// <param name="containers">The created containers, in spec order.</param>
    /// <param name="allStarted">Called once, when every container has started at least once (rotation may act from then).</param>
    /// <param name="cancellationToken">SIGINT/SIGTERM.</param>
    public async Task<LaunchOutcome> RunAsync(IReadOnlyList<ContainerConsumer> containers, Action allStarted, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = containers.ToDictionary(c => c.Definition.Name, c => new ContainerRun(c), StringComparer.Ordinal);
        _ = Task.WhenAll(runs.Values.Select(r => r.Started.Task)).ContinueWith(
            _ => allStarted(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        Exception? failure = null;
        var tasks = runs.Values.Select(async run =>
        {
            try
            {
                return (run.Container.Definition.Name, Code: await RunOneAsync(run, runs, stop.Token));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (Interlocked.CompareExchange(ref failure, ex, null) is null)
                {
                    await stop.CancelAsync();
                }

                throw;
            }
        }).ToArray();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception) when (failure is not null && !cancellationToken.IsCancellationRequested)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        var codes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            var (name, code) = await task;
            codes[name] = code;
        }

        var first = containers.Select(c => codes[c.Definition.Name]).FirstOrDefault(code => code != 0);
        return new LaunchOutcome(checked((int)first), Interrupted: false, codes);
    }

    private async Task<long> RunOneAsync(ContainerRun run, Dictionary<string, ContainerRun> runs, CancellationToken cancellationToken)
    {
        var container = run.Container;
        var definition = container.Definition;
        await Task.WhenAll(definition.DependsOn.Select(d => WaitForAsync(run, runs[d.Name], d.Condition, cancellationToken)));
        await container.StartAsync(cancellationToken);
        Log.ContainerStarted(_logger, definition.Name, definition.Image, container.DockerName, container.IsolationText);
        run.Started.TrySetResult();
        await LogPortsAsync(container, cancellationToken);
        for (var restarts = 0; ; restarts++)
        {
            var startedAt = _time.GetTimestamp();

            // Rotation restarts are not exits: this returns when the container ends on its own.
            var code = await container.WaitForExitAsync(cancellationToken);
            if (!definition.Restart.Restarts(code, restarts))
            {
                // Its output has ended. One still running at a shutdown keeps its attachment instead, so the lines it
                // prints while it stops still come through; the attachment ends when the container is removed.
                await container.CompleteOutputAsync();
                Log.ContainerExited(_logger, definition.Name, code);
                run.Exited.TrySetResult(code);
                return code;
            }

            var delay = RestartBackoff.Next(run.LastDelay, _time.GetElapsedTime(startedAt));
            run.LastDelay = delay;
            Log.ContainerRestarting(_logger, definition.Name, code, (long)delay.TotalMilliseconds, restarts + 1, definition.Restart.ToString());
            await Task.Delay(delay, _time, cancellationToken);
            await container.StartAgainAsync(cancellationToken);
            Log.ContainerRestarted(_logger, definition.Name);
        }
    }

    private async Task LogPortsAsync(ContainerConsumer container, CancellationToken cancellationToken)
    {
        if (container.Definition.Ports.Count == 0)
        {
            return;
        }

        var state = await _docker.InspectContainerAsync(container.Id, cancellationToken);
        Log.PortsPublished(_logger, container.Definition.Name, string.Join(", ", state.Ports));
    }

    /// <summary>What the containers depending on one can wait for.</summary>
    private sealed class ContainerRun(ContainerConsumer container)
    {
        public ContainerConsumer Container { get; } = container;

        /// <summary>The wait before the last restart by policy, from which the next one is doubled.</summary>
        public TimeSpan LastDelay { get; set; }

        /// <summary>Completes at the first start.</summary>
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes with the exit code once the container has exited for good (no more restarts).</summary>
        public TaskCompletionSource<long> Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
