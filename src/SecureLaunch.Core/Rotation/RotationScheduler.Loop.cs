using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Leases;
using SecureLaunch.Docker;
using SecureLaunch.Core.Rotation.Events;

namespace SecureLaunch.Core.Rotation;

public sealed partial class RotationScheduler
{
    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var (start, deferred, next, wake) = Plan(stop);
                foreach (var (target, pending, retryAt) in deferred)
                {
                    Publish(new RotationDeferred(target, _time.GetUtcNow(), pending.Action, retryAt));
                    Log.RotationDeferred(_logger, target, pending.Action, _limiter.Limit, _limiter.Window, retryAt);
                }

                foreach (var pending in start)
                {
                    lock (_gate)
                    {
                        _running.RemoveAll(t => t.IsCompleted);
                        _running.Add(Task.Run(() => ExecuteAsync(_targets[pending.Target], pending, stop), CancellationToken.None));
                    }
                }

                var delay = next is { } due ? due - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
                if (next is not null && delay <= TimeSpan.Zero)
                {
                    continue;
                }

                await Task.Delay(delay, _time, wake).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposal.
        }
        catch (Exception ex)
        {
            Log.RotationLoopFailed(_logger, ex.GetType().Name, ex.Message);
        }
    }

    /// <summary>Under the gate: moves due actions out of the debounce, picks those that may run now, and the next moment to look again.</summary>
    private (List<PendingRotation> Start, List<(string Target, PendingRotation Pending, DateTimeOffset RetryAt)> Deferred, DateTimeOffset? Next, CancellationToken Wake)
        Plan(CancellationToken stop)
    {
        var start = new List<PendingRotation>();
        var deferred = new List<(string, PendingRotation, DateTimeOffset)>();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var due in _debouncer.TakeDue())
            {
                if (_ready.TryGetValue(due.Target, out var waiting))
                {
                    waiting.Pending = waiting.Pending.Merge(due);
                }
                else
                {
                    _ready[due.Target] = new Ready(due);
                }
            }

            foreach (var (name, ready) in _ready.ToList())
            {
                if (_busy.Contains(name) || ready.NotBefore > now)
                {
                    continue;
                }

                if (ready.Pending.Action.Disrupts && !_limiter.TryAcquire(name, out var retryAt))
                {
                    ready.NotBefore = retryAt;
                    if (!ready.DeferralReported)
                    {
                        ready.DeferralReported = true;
                        deferred.Add((name, ready.Pending, retryAt));
                    }

                    continue;
                }

                _ready.Remove(name);
                _busy.Add(name);
                start.Add(ready.Pending);
            }

            DateTimeOffset? next = _debouncer.NextDueAt;
            foreach (var (name, ready) in _ready)
            {
                if (!_busy.Contains(name) && (next is null || ready.NotBefore < next))
                {
                    next = ready.NotBefore;
                }
            }

            _wake?.Dispose();
            _wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
            return (start, deferred, next, _wake.Token);
        }
    }

    private async Task ExecuteAsync(IRotationTarget target, PendingRotation pending, CancellationToken stop)
    {
        var secrets = string.Join(", ", pending.Secrets);
        try
        {
            await target.ApplyAsync(pending.Action, stop);
            Publish(new RotationApplied(target.Name, _time.GetUtcNow(), pending.Action, pending.Secrets));
            Log.RotationApplied(_logger, target.Name, pending.Action, secrets);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutdown: the launch is ending anyway.
        }
        catch (Exception ex)
        {
            var message = Describe(ex);
            Publish(new RotationFailed(target.Name, _time.GetUtcNow(), pending.Action, pending.Secrets, message));
            Log.RotationFailed(_logger, target.Name, pending.Action, secrets, message);
        }
        finally
        {
            lock (_gate)
            {
                _busy.Remove(target.Name);
            }

            Wake();
        }
    }

    /// <summary>Docker's and Core's messages hold no values (the Docker layer masks any it quotes); others are named by type.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        DockerEngineException or LaunchException => exception.Message,
        IOException or UnauthorizedAccessException => $"{exception.GetType().Name} writing the secret files",
        _ => LeaseFailures.Describe(exception),
    };
}
