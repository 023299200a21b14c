using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Deploy;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Docker;

namespace SecureLaunch.Core.Agent;

/// <summary>
/// <c>securelaunch agent</c>: the in-cluster keeper of deployed launches. Each cycle it takes the hand-offs left by
/// <c>deploy</c> and <c>undeploy</c>, takes over launches whose owner is gone (from their sealed state in the cluster,
/// minting nothing), and writes the state of the launches it keeps when it changed or its heartbeat is due.
/// Stopping it lets go of every launch, marked so that the next agent takes them at once; nothing is removed.
/// </summary>
public sealed partial class DeployAgent
{
    private readonly AgentOptions _options;
    private readonly ClusterStore _store;
    private readonly ILogger _logger;
    private readonly Dictionary<string, AgentLaunch> _launches = new(StringComparer.Ordinal);

    public DeployAgent(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _store = new ClusterStore(options.Swarm, options.TimeProvider);
        _logger = options.Logger;
    }

    /// <summary>The names of the launches this agent keeps now.</summary>
    public IReadOnlyCollection<string> Launches => [.. _launches.Keys];

    /// <summary>Runs cycles until <paramref name="cancellationToken"/> is cancelled (SIGTERM from Swarm), then lets go.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Log.AgentStarted(_logger, _options.Owner, _options.Key.Fingerprint);
        try
        {
            while (true)
            {
                await CycleAsync(cancellationToken);
                await Task.Delay(_options.PollInterval, _options.TimeProvider, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // SIGTERM: let go below.
        }
        finally
        {
            await ReleaseAllAsync();
        }
    }

    /// <summary>
    /// One pass over one listing of the swarm's configs: take orphaned launches over, answer hand-offs, then write changed
    /// or due state. Failures are logged, not thrown.
    /// </summary>
    public async Task CycleAsync(CancellationToken cancellationToken)
    {
        ClusterSnapshot? snapshot = null;
        await Attempt("list the swarm's configs", async () => snapshot = await _store.ReadAsync(cancellationToken), cancellationToken);
        if (snapshot is not null)
        {
            await Attempt("take over launches", () => TakeOverAsync(snapshot.States, cancellationToken), cancellationToken);
            await Attempt("answer hand-offs", () => AnswerHandoffsAsync(snapshot.Handoffs, cancellationToken), cancellationToken);
        }

        await Attempt("write launch state", () => SaveAsync(cancellationToken), cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var now = _options.TimeProvider.GetUtcNow();
        foreach (var launch in _launches.Values)
        {
            var fingerprint = launch.Fingerprint();
            if (fingerprint != launch.WrittenFingerprint || launch.Record is null || now - launch.Record.Heartbeat >= _options.HeartbeatInterval)
            {
                await WriteAsync(launch, heartbeat: true, cancellationToken);
                launch.WrittenFingerprint = fingerprint;
            }
        }
    }

    private async Task WriteAsync(AgentLaunch launch, bool heartbeat, CancellationToken cancellationToken) =>
        launch.Record = await _store.WriteStateAsync(launch.Name, launch.Snapshot(), _options.Owner, _options.Key, launch.Record, heartbeat, cancellationToken);

    private async Task ReleaseAllAsync()
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(20), _options.TimeProvider);
        foreach (var launch in _launches.Values)
        {
            await launch.DisposeAsync();
            await Attempt($"let go of launch {launch.Name}", () => WriteAsync(launch, heartbeat: false, budget.Token), budget.Token);
        }

        _launches.Clear();
        Log.AgentStopped(_logger, _options.Owner);
    }

    private async Task Attempt(string what, Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.AgentStepFailed(_logger, what, ex.Message.ReplaceLineEndings(" "));
        }
    }
}
