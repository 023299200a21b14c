using SecureLaunch.Vault.Secrets;

namespace SecureLaunch.Core.Leases;

/// <summary>
/// The state machine of one secret's lease: what it is doing (<see cref="Status"/>), why, and what comes next
/// (<see cref="Next"/>). Pure: it never calls Vault and takes the time as an argument; the supervisor does the I/O and
/// reports outcomes back. Not thread-safe; one loop owns it.
/// </summary>
/// <remarks>
/// <code>
/// Healthy --due--> Renewing --ok--> Healthy
///                           --outage, 403, 5xx--> Backoff --retry--> Renewing
///                           --lease invalid--> Expired
/// Healthy --inside grace / not renewable / token expiring--> NeedsRefetch --new lease--> Healthy
/// Healthy, Backoff, NeedsRefetch --expiry passes--> Expired --new lease--> Healthy
/// any --given up--> Revoked
/// </code>
/// During an outage (<see cref="LeaseStatus.Backoff"/>) nothing is re-fetched while the lease is valid: the current
/// credentials stay in use until their real expiry, and the first renewal that succeeds makes the lease Healthy again.
/// </remarks>
public sealed class LeaseTracker
{
    private readonly Func<double> _jitter;
    private readonly TimeSpan? _increment;
    private TimeSpan _priorDuration;
    private TimeSpan _nonRenewablePoint;
    private DateTimeOffset? _notBefore;
    private (RenewalDecision Decision, DateTimeOffset DueAt)? _plan;

    /// <param name="secretName">The spec name of the secret, used in every event and log line.</param>
    /// <param name="lease">The lease as fetched.</param>
    /// <param name="jitter">Values in [0, 1) for the grace and the non-renewable re-fetch point.</param>
    /// <param name="increment">The increment asked for on renewal (null: the backend's TTL); also bounds the grace.</param>
    /// <param name="tokenDeadline">When the token the lease was issued under dies, if that is known and final.</param>
    public LeaseTracker(string secretName, VaultLease lease, Func<double> jitter, TimeSpan? increment = null, DateTimeOffset? tokenDeadline = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretName);
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(jitter);
        SecretName = secretName;
        _jitter = jitter;
        _increment = increment;
        Lease = lease;
        Adopt(lease, tokenDeadline);
    }

    public string SecretName { get; }

    /// <summary>The lease as last granted (on fetch or renewal).</summary>
    public VaultLease Lease { get; private set; }

    public LeaseStatus Status { get; private set; }

    /// <summary>What the last failed renewal or re-fetch ran into; null after a success.</summary>
    public LeaseFailureKind? LastFailure { get; private set; }

    /// <summary>Why a new credential is needed, while <see cref="Status"/> is NeedsRefetch or Expired.</summary>
    public RefetchReason? RefetchReason { get; private set; }

    /// <summary>The current grace period (recomputed whenever a renewal extends the lease, as Vault Agent does).</summary>
    public TimeSpan Grace { get; private set; }

    /// <summary>Failed renewals or re-fetches in a row.</summary>
    public int FailedAttempts { get; private set; }

    /// <summary>When the token this lease was issued under dies (Vault revokes a token's leases with it); null when not known to be final.</summary>
    public DateTimeOffset? TokenDeadline { get; private set; }

    /// <summary>When the credential stops working: the lease's expiry, or the token's if that comes first.</summary>
    public DateTimeOffset ExpiresAt => IsCappedByToken ? TokenDeadline!.Value : Lease.ExpiresAt;

    /// <summary>When the planned action is due; null until <see cref="Next"/> has planned one.</summary>
    public DateTimeOffset? DueAt => _plan?.DueAt;

    /// <summary>What is planned for <see cref="DueAt"/>; null until <see cref="Next"/> has planned something.</summary>
    public RenewalAction? PlannedAction => _plan?.Decision.Action;

    private bool IsCappedByToken => TokenDeadline is { } deadline && deadline < Lease.ExpiresAt;

    /// <summary>
    /// What to do next and how long to wait, as of <paramref name="now"/>; null once <see cref="LeaseStatus.Revoked"/>.
    /// Moves the lease to <see cref="LeaseStatus.Expired"/> when its expiry has passed. Asking again before anything
    /// happens returns the same plan, with the delay that is left of it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A renewal is in flight.</exception>
    public RenewalDecision? Next(DateTimeOffset now)
    {
        if (Status == LeaseStatus.Revoked)
        {
            return null;
        }

        if (Status == LeaseStatus.Renewing)
        {
            throw new InvalidOperationException($"Secret '{SecretName}': a renewal is in flight; report its outcome first.");
        }

        if (Status != LeaseStatus.Expired && now >= ExpiresAt)
        {
            Status = LeaseStatus.Expired;
            RefetchReason = IsCappedByToken ? Leases.RefetchReason.TokenExpiring : Leases.RefetchReason.Expired;
            _plan = null;
        }

        _plan ??= Plan(now);
        var (decision, dueAt) = _plan.Value;
        var wakeAt = Status is LeaseStatus.Expired || dueAt < ExpiresAt ? dueAt : ExpiresAt;
        return decision with { Delay = wakeAt > now ? wakeAt - now : TimeSpan.Zero };
    }

    /// <summary>A renewal request is about to be sent.</summary>
    public void RenewalStarted()
    {
        Require(LeaseStatus.Healthy, LeaseStatus.Backoff);
        Status = LeaseStatus.Renewing;
        _plan = null;
    }

    /// <summary>Vault granted <paramref name="granted"/>.</summary>
    public void Renewed(VaultLease granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        Require(LeaseStatus.Renewing);

        // The watcher keeps its grace while renewals shrink the lease (nearing max TTL) and redraws it when they grow.
        if (granted.Duration > _priorDuration)
        {
            Grace = RenewalSchedule.Grace(granted.Duration, _jitter(), _increment);
        }

        _priorDuration = granted.Duration;
        Lease = granted;
        if (!granted.Renewable)
        {
            _nonRenewablePoint = RenewalSchedule.NonRenewableRefetchPoint(granted.Duration, _jitter());
        }

        Status = LeaseStatus.Healthy;
        FailedAttempts = 0;
        LastFailure = null;
    }

    /// <summary>The renewal failed with <paramref name="failure"/>.</summary>
    public void RenewalFailed(LeaseFailureKind failure)
    {
        Require(LeaseStatus.Renewing);
        LastFailure = failure;
        if (failure == LeaseFailureKind.LeaseInvalid)
        {
            // Vault no longer has the lease, so the credential is already revoked: it is lost, not merely late.
            Status = LeaseStatus.Expired;
            RefetchReason = Leases.RefetchReason.LeaseInvalid;
            FailedAttempts = 0;
            return;
        }

        Status = LeaseStatus.Backoff;
        FailedAttempts++;
    }

    /// <summary>A re-fetch for <paramref name="reason"/> is about to be asked for.</summary>
    public void RefetchStarted(RefetchReason reason)
    {
        if (Status is LeaseStatus.Healthy or LeaseStatus.Backoff)
        {
            Status = LeaseStatus.NeedsRefetch;
            RefetchReason = reason;
            FailedAttempts = 0;
        }

        Require(LeaseStatus.NeedsRefetch, LeaseStatus.Expired);
        _plan = null;
    }

    /// <summary>The re-fetch may not happen before <paramref name="notBefore"/> (the mint budget is spent).</summary>
    public void RefetchDeferred(DateTimeOffset notBefore)
    {
        Require(LeaseStatus.NeedsRefetch, LeaseStatus.Expired);
        _notBefore = notBefore;
        _plan = null;
    }

    /// <summary>The re-fetch failed with <paramref name="failure"/>; retried with the same backoff as renewals.</summary>
    public void RefetchFailed(LeaseFailureKind failure, DateTimeOffset now)
    {
        Require(LeaseStatus.NeedsRefetch, LeaseStatus.Expired);
        LastFailure = failure;
        FailedAttempts++;
        var untilExpiry = ExpiresAt - now;
        _notBefore = now + (Status == LeaseStatus.Expired
            ? RenewalSchedule.Backoff(FailedAttempts)
            : RenewalSchedule.RetryDelay(FailedAttempts, untilExpiry) ?? untilExpiry);
        _plan = null;
    }

    /// <summary>A new credential arrived under <paramref name="lease"/>; the loop starts over with it.</summary>
    /// <param name="lease">The new lease.</param>
    /// <param name="tokenDeadline">When the token it was issued under dies, if known and final.</param>
    public void Replaced(VaultLease lease, DateTimeOffset? tokenDeadline = null)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (Status != LeaseStatus.Revoked)
        {
            Adopt(lease, tokenDeadline);
        }
    }

    /// <summary>The token this lease was issued under will die at <paramref name="deadline"/> (re-authentication replaced it).</summary>
    public void CapAtTokenDeadline(DateTimeOffset deadline)
    {
        if (TokenDeadline is null || deadline < TokenDeadline)
        {
            var before = ExpiresAt;
            TokenDeadline = deadline;

            // Planned again only when the deadline moves the expiry now. Planning afresh halfway through a wait would see
            // less time left and take it for the end of the lease's life (R <= 4 grace): a needless new credential.
            // A deadline beyond the expiry is taken into account when a renewal carries the lease past it.
            if (ExpiresAt != before)
            {
                _plan = null;
            }
        }
    }

    /// <summary>The lease is given up: nothing more is planned for it.</summary>
    public void Revoke()
    {
        Status = LeaseStatus.Revoked;
        _plan = null;
    }

    private (RenewalDecision, DateTimeOffset) Plan(DateTimeOffset now)
    {
        var decision = Status switch
        {
            LeaseStatus.NeedsRefetch or LeaseStatus.Expired =>
                RenewalDecision.RefetchAfter(_notBefore is { } notBefore ? notBefore - now : TimeSpan.Zero, RefetchReason!.Value),
            LeaseStatus.Backoff => RenewalSchedule.ForFailedRenewal(FailedAttempts, ExpiresAt - now),
            _ => PlanHealthy(now),
        };
        return (decision, now + decision.Delay);
    }

    private RenewalDecision PlanHealthy(DateTimeOffset now)
    {
        var reason = IsCappedByToken ? Leases.RefetchReason.TokenExpiring : Leases.RefetchReason.InsideGrace;
        if (Lease.Renewable)
        {
            return RenewalSchedule.ForRenewable(ExpiresAt - now, Grace, reason);
        }

        var refetchAt = Lease.ObtainedAt + _nonRenewablePoint;
        if (IsCappedByToken && TokenDeadline!.Value - Grace < refetchAt)
        {
            return RenewalDecision.RefetchAfter(TokenDeadline.Value - Grace - now, Leases.RefetchReason.TokenExpiring);
        }

        return RenewalDecision.RefetchAfter(refetchAt - now, Leases.RefetchReason.NotRenewable);
    }

    private void Adopt(VaultLease lease, DateTimeOffset? tokenDeadline)
    {
        Lease = lease;
        _priorDuration = lease.Duration;
        Grace = RenewalSchedule.Grace(lease.Duration, _jitter(), _increment);
        _nonRenewablePoint = RenewalSchedule.NonRenewableRefetchPoint(lease.Duration, _jitter());
        TokenDeadline = tokenDeadline;
        Status = LeaseStatus.Healthy;
        FailedAttempts = 0;
        LastFailure = null;
        RefetchReason = null;
        _notBefore = null;
        _plan = null;
    }

    private void Require(params LeaseStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new InvalidOperationException($"Secret '{SecretName}': not possible while the lease is {Status}.");
        }
    }
}
