using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Vault.Secrets;

namespace SecureLaunch.Core.Leases;

public sealed partial class LeaseSupervisor
{
    /// <summary>
    /// The loop of one leased secret: asks its <see cref="LeaseTracker"/> what is next, waits for it, does it, reports the
    /// outcome back. Tracker state is guarded by <see cref="_gate"/>; no I/O, event or ledger call happens under it.
    /// </summary>
    private sealed partial class SecretLoop
    {
        private readonly LeaseSupervisor _owner;
        private readonly object _gate = new();
        private readonly LeaseTracker _tracker;
        private readonly List<VaultLease> _superseded = [];
        private CancellationTokenSource? _wake;
        private bool _refetchAnnounced;
        private bool _budgetReported;
        private volatile bool _ended;

        public SecretLoop(LeaseSupervisor owner, string name, VaultLease lease)
        {
            _owner = owner;
            Name = name;
            _tracker = new LeaseTracker(name, lease, owner._jitter, owner._options.RenewIncrement);
        }

        public string Name { get; }

        /// <summary>True once the loop returned or is about to (its lease was given up): a new lease then needs a new loop.</summary>
        public bool HasEnded
        {
            get
            {
                lock (_gate)
                {
                    return _ended || _tracker.Status == LeaseStatus.Revoked;
                }
            }
        }

        public async Task RunAsync(CancellationToken stop)
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var now = _owner.Now;
                    RenewalDecision? decision;
                    LostLease? lost;
                    string leaseId;
                    CancellationToken wake;
                    lock (_gate)
                    {
                        (decision, lost) = NextLocked(now);
                        leaseId = _tracker.Lease.LeaseId;
                        _wake?.Dispose();
                        _wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
                        wake = _wake.Token;
                    }

                    ReportLost(lost, now);
                    ForgetExpiredSuperseded(now);
                    if (decision is not { } next)
                    {
                        return;
                    }

                    if (next.Delay > TimeSpan.Zero)
                    {
                        var due = now + next.Delay;
                        await _owner.WaitAsync(next.Delay, () => Scheduled(now, leaseId, next, due), wake, stop);
                        continue;
                    }

                    await (next.Action == RenewalAction.Renew ? RenewAsync(stop) : RefetchAsync(next.Reason ?? RefetchReason.Expired, stop));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Disposal.
            }
            catch (Exception ex)
            {
                // A bug, not an outage (those are handled above): say so loudly rather than stop renewing in silence.
                Log.LeaseLoopFailed(_owner._logger, Name, ex.GetType().Name, ex.Message);
            }
            finally
            {
                _ended = true;
            }
        }

        /// <summary>A lease for this secret was recorded in the ledger: follow it if it is newer than ours.</summary>
        public void Offer(VaultLease lease)
        {
            LeaseChange? change;
            lock (_gate)
            {
                if (_tracker.Status == LeaseStatus.Revoked || lease.LeaseId == _tracker.Lease.LeaseId
                    || lease.ObtainedAt < _tracker.Lease.ObtainedAt)
                {
                    return;
                }

                change = AdoptLocked(lease);
            }

            ApplyChange(change);
            Wake();
        }

        /// <summary>The ledger forgot a lease (revoked at shutdown, or by the caller): stop following it if it is ours.</summary>
        public void Forgotten(string leaseId)
        {
            lock (_gate)
            {
                _superseded.RemoveAll(l => l.LeaseId == leaseId);
                if (_tracker.Lease.LeaseId != leaseId || _tracker.Status == LeaseStatus.Revoked)
                {
                    return;
                }

                _tracker.Revoke();
            }

            Wake();
        }

        public void CapAtTokenDeadline(DateTimeOffset deadline)
        {
            lock (_gate)
            {
                _tracker.CapAtTokenDeadline(deadline);
            }

            Wake();
        }

        public LeaseView View()
        {
            lock (_gate)
            {
                return new LeaseView(
                    Name, Short(_tracker.Lease.LeaseId), _tracker.Status, _tracker.ExpiresAt, _tracker.DueAt,
                    _tracker.PlannedAction, _tracker.LastFailure, _tracker.RefetchReason);
            }
        }

        private async Task RenewAsync(CancellationToken stop)
        {
            string leaseId;
            lock (_gate)
            {
                leaseId = _tracker.Lease.LeaseId;
                _tracker.RenewalStarted();
            }

            var at = _owner.Now;
            VaultLease granted;
            try
            {
                granted = await _owner._vault.RenewLeaseAsync(leaseId, _owner._options.RenewIncrement, stop);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                RenewalFailed(leaseId, ex);
                return;
            }

            lock (_gate)
            {
                if (!IsRenewing(leaseId))
                {
                    return;
                }

                _tracker.Renewed(granted);
                _budgetReported = false;
            }

            _owner._ledger.Record(Name, granted);
            _owner.Publish(new LeaseRenewed(Name, at, Short(leaseId), granted.Duration, granted.ExpiresAt));
            Log.LeaseRenewed(_owner._logger, Name, Short(leaseId), granted.Duration, granted.ExpiresAt);
        }

        private void RenewalFailed(string leaseId, Exception ex)
        {
            var kind = LeaseFailures.Classify(ex);
            var now = _owner.Now;
            DateTimeOffset expiresAt;
            DateTimeOffset? nextAt;
            LostLease? lost;
            lock (_gate)
            {
                if (!IsRenewing(leaseId))
                {
                    return;
                }

                _tracker.RenewalFailed(kind);
                lost = kind == LeaseFailureKind.LeaseInvalid ? new LostLease(leaseId, RefetchReason.LeaseInvalid) : null;
                var (decision, expired) = NextLocked(now);
                lost ??= expired;
                expiresAt = _tracker.ExpiresAt;
                nextAt = decision is { } d ? now + d.Delay : null;
            }

            var message = LeaseFailures.Describe(ex);
            _owner.Publish(new LeaseRenewalFailed(Name, now, Short(leaseId), kind, expiresAt, nextAt, message));
            Log.LeaseRenewalFailed(_owner._logger, Name, Short(leaseId), kind, expiresAt, nextAt, message);
            ReportLost(lost, now);
        }

        private (RenewalDecision? Decision, LostLease? Lost) NextLocked(DateTimeOffset now)
        {
            var before = _tracker.Status;
            var decision = _tracker.Next(now);
            var lost = before != LeaseStatus.Expired && _tracker.Status == LeaseStatus.Expired
                ? new LostLease(_tracker.Lease.LeaseId, _tracker.RefetchReason ?? RefetchReason.Expired)
                : null;
            return (decision, lost);
        }

        private void ReportLost(LostLease? lost, DateTimeOffset now)
        {
            if (lost is null)
            {
                return;
            }

            _owner.Publish(new LeaseLost(Name, now, Short(lost.LeaseId), lost.Reason));
            Log.LeaseLost(_owner._logger, Name, Short(lost.LeaseId), lost.Reason);
        }

        private void Scheduled(DateTimeOffset now, string leaseId, RenewalDecision next, DateTimeOffset due)
        {
            _owner.Publish(new LeaseScheduled(Name, now, Short(leaseId), next.Action, due, next.Reason));
            Log.LeaseActionScheduled(_owner._logger, Name, Short(leaseId), next.Action, due);
        }

        private bool IsRenewing(string leaseId) => _tracker.Lease.LeaseId == leaseId && _tracker.Status == LeaseStatus.Renewing;

        private void Wake()
        {
            CancellationTokenSource? wake;
            lock (_gate)
            {
                wake = _wake;
            }

            try
            {
                // Outside the gate: the waiting loop resumes on the thread pool (ForceYielding), never inline here.
                wake?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The loop already moved on to its next wait.
            }
        }

        private sealed record LostLease(string LeaseId, RefetchReason Reason);

        private sealed record LeaseChange(string OldLeaseId, bool OldIsDead);
    }
}
