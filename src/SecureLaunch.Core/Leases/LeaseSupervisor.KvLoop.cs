using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Vault.Secrets;

namespace SecureLaunch.Core.Leases;

public sealed partial class LeaseSupervisor
{
    /// <summary>
    /// The loop of one secret without a lease (KV): read it again through the re-fetch delegate every interval. Reading
    /// mints nothing, so the mint budget does not apply; failures retry with the usual backoff, never slower than the interval.
    /// </summary>
    private sealed class KvLoop
    {
        private readonly LeaseSupervisor _owner;
        private readonly TimeSpan _interval;
        private readonly object _gate = new();
        private int _failures;
        private LeaseFailureKind? _lastFailure;
        private DateTimeOffset? _dueAt;

        public KvLoop(LeaseSupervisor owner, string name, TimeSpan interval)
        {
            _owner = owner;
            Name = name;
            _interval = interval;
        }

        public string Name { get; }

        public async Task RunAsync(CancellationToken stop)
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var now = _owner.Now;
                    int failures;
                    lock (_gate)
                    {
                        failures = _failures;
                    }

                    var delay = failures == 0 ? RenewalSchedule.ForKv(_interval).Delay : Min(RenewalSchedule.Backoff(failures), _interval);
                    var due = now + delay;
                    lock (_gate)
                    {
                        _dueAt = due;
                    }

                    await _owner.WaitAsync(delay, () => Scheduled(now, due), stop, stop);
                    if (await ReadAsync(stop) is { } lease)
                    {
                        // The secret came back with a lease: a lease loop follows it from now on.
                        _owner._ledger.Record(Name, lease);
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Disposal.
            }
            catch (Exception ex)
            {
                Log.LeaseLoopFailed(_owner._logger, Name, ex.GetType().Name, ex.Message);
            }
        }

        public LeaseView View()
        {
            lock (_gate)
            {
                var status = _failures == 0 ? LeaseStatus.Healthy : LeaseStatus.Backoff;
                return new LeaseView(Name, null, status, null, _dueAt, RenewalAction.Reread, _lastFailure, null);
            }
        }

        private async Task<VaultLease?> ReadAsync(CancellationToken stop)
        {
            _owner.Publish(new RefetchRequested(Name, _owner.Now, RefetchReason.Interval, null));
            try
            {
                var lease = await _owner._refetch(Name, stop);
                lock (_gate)
                {
                    _failures = 0;
                    _lastFailure = null;
                }

                _owner.Publish(new SecretRefetched(Name, _owner.Now, null, lease is null ? null : Short(lease.LeaseId), lease?.ExpiresAt));
                Log.SecretReread(_owner._logger, Name);
                return lease;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                var kind = LeaseFailures.Classify(ex);
                var now = _owner.Now;
                int failures;
                lock (_gate)
                {
                    _failures++;
                    failures = _failures;
                    _lastFailure = kind;
                }

                var nextAt = now + Min(RenewalSchedule.Backoff(failures), _interval);
                var message = LeaseFailures.Describe(ex);
                _owner.Publish(new RefetchFailed(Name, now, kind, nextAt, message));
                Log.RefetchFailed(_owner._logger, Name, kind, nextAt, message);
                return null;
            }
        }

        private void Scheduled(DateTimeOffset now, DateTimeOffset due)
        {
            _owner.Publish(new LeaseScheduled(Name, now, null, RenewalAction.Reread, due, RefetchReason.Interval));
            Log.LeaseActionScheduled(_owner._logger, Name, null, RenewalAction.Reread, due);
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
