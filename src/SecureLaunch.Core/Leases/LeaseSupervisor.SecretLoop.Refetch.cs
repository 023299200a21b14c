using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Vault.Secrets;

namespace SecureLaunch.Core.Leases;

public sealed partial class LeaseSupervisor
{
    /// <summary>Asking the caller for a new credential: the mint budget, the delegate, and switching to the lease it returns.</summary>
    private sealed partial class SecretLoop
    {
        private async Task RefetchAsync(RefetchReason reason, CancellationToken stop)
        {
            string oldId;
            bool announce;
            lock (_gate)
            {
                _tracker.RefetchStarted(reason);
                reason = _tracker.RefetchReason ?? reason;
                oldId = _tracker.Lease.LeaseId;
                announce = !_refetchAnnounced;
                _refetchAnnounced = true;
            }

            var at = _owner.Now;
            if (announce)
            {
                _owner.Publish(new RefetchRequested(Name, at, reason, Short(oldId)));
                Log.RefetchRequested(_owner._logger, Name, Short(oldId), reason);
            }

            if (!_owner.Budget.TryTake(Name, out var retryAt))
            {
                Deferred(oldId, retryAt, at);
                return;
            }

            VaultLease? lease;
            try
            {
                lease = await _owner._refetch(Name, stop);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                RefetchFailed(oldId, ex);
                return;
            }

            if (lease is null)
            {
                lock (_gate)
                {
                    _tracker.Revoke();
                }

                _owner.Publish(new SecretRefetched(Name, _owner.Now, Short(oldId), null, null));
                Log.SecretNoLongerLeased(_owner._logger, Name);
                return;
            }

            LeaseChange? change;
            lock (_gate)
            {
                // The delegate may have recorded the lease in the ledger already, which made Offer adopt it.
                change = _tracker.Lease.LeaseId == lease.LeaseId || _tracker.Status == LeaseStatus.Revoked ? null : AdoptLocked(lease);
            }

            // Recorded even when this loop was stopped meanwhile, so that the new lease is revoked with the others.
            _owner._ledger.Record(Name, lease);
            ApplyChange(change);
            _owner.Publish(new SecretRefetched(Name, _owner.Now, Short(oldId), Short(lease.LeaseId), lease.ExpiresAt));
            Log.SecretRefetched(_owner._logger, Name, Short(lease.LeaseId), lease.Duration, Short(oldId));
        }

        private void Deferred(string oldId, DateTimeOffset retryAt, DateTimeOffset at)
        {
            bool report;
            lock (_gate)
            {
                if (_tracker.Lease.LeaseId != oldId || _tracker.Status is not (LeaseStatus.NeedsRefetch or LeaseStatus.Expired))
                {
                    return;
                }

                _tracker.RefetchDeferred(retryAt);
                report = !_budgetReported;
                _budgetReported = true;
            }

            if (report)
            {
                var (limit, window) = _owner.Budget.RateOf(Name);
                var error = new MintBudgetExceededException(Name, limit, window, retryAt);
                _owner.Publish(new MintBudgetExceeded(Name, at, limit, window, retryAt, error.Message));
                Log.MintBudgetExceeded(_owner._logger, Name, limit, window, retryAt);
            }
        }

        private void RefetchFailed(string oldId, Exception ex)
        {
            if (LeaseFailures.ProvesNothingMinted(ex))
            {
                _owner.Budget.Return(Name);
            }

            var kind = LeaseFailures.Classify(ex);
            var now = _owner.Now;
            DateTimeOffset? nextAt;
            LostLease? lost;
            lock (_gate)
            {
                if (_tracker.Lease.LeaseId != oldId || _tracker.Status is not (LeaseStatus.NeedsRefetch or LeaseStatus.Expired))
                {
                    return;
                }

                _tracker.RefetchFailed(kind, now);
                (var decision, lost) = NextLocked(now);
                nextAt = decision is { } d ? now + d.Delay : null;
            }

            var message = LeaseFailures.Describe(ex);
            _owner.Publish(new RefetchFailed(Name, now, kind, nextAt, message));
            Log.RefetchFailed(_owner._logger, Name, kind, nextAt, message);
            ReportLost(lost, now);
        }

        /// <summary>Switches to <paramref name="lease"/>; the old lease is forgotten when dead, or kept (for revocation) until it expires.</summary>
        private LeaseChange AdoptLocked(VaultLease lease)
        {
            var old = _tracker.Lease;
            var oldIsDead = _tracker.Status == LeaseStatus.Expired;
            _tracker.Replaced(lease);
            _refetchAnnounced = false;
            if (!oldIsDead)
            {
                _superseded.Add(old);
            }

            return new LeaseChange(old.LeaseId, oldIsDead);
        }

        private void ApplyChange(LeaseChange? change)
        {
            if (change is { OldIsDead: true })
            {
                _owner._ledger.Forget(change.OldLeaseId);
            }
        }

        private void ForgetExpiredSuperseded(DateTimeOffset now)
        {
            List<VaultLease> expired;
            lock (_gate)
            {
                expired = _superseded.FindAll(l => l.ExpiresAt <= now);
                _superseded.RemoveAll(l => l.ExpiresAt <= now);
            }

            foreach (var lease in expired)
            {
                _owner._ledger.Forget(lease.LeaseId);
            }
        }
    }
}
