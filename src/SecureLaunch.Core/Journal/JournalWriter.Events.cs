using System.Threading.Channels;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Journal;

public sealed partial class JournalWriter
{
    /// <summary>Applies supervisor events to the journal until <paramref name="events"/> completes (the supervisor stopped).</summary>
    public async Task FollowAsync(ChannelReader<LeaseEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await foreach (var leaseEvent in events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Apply(leaseEvent);
        }
    }

    /// <summary>
    /// What the renewal loop did, for <c>status</c>: renewals (last renewal, new expiry), plans (next action and when),
    /// failures (kind and value-free message), rotations (new credentials or fresh reads, counted per secret).
    /// </summary>
    public void Apply(LeaseEvent leaseEvent)
    {
        ArgumentNullException.ThrowIfNull(leaseEvent);
        switch (leaseEvent)
        {
            case LeaseScheduled { LeaseId: { } id } e:
                UpdateLease(e.SecretName, id, l => l with { NextAction = Lower(e.Action), NextDueAt = e.DueAt });
                break;
            case LeaseScheduled e:
                UpdateSecret(e.SecretName, s => s with { NextAction = Lower(e.Action), NextDueAt = e.DueAt });
                break;
            case LeaseRenewed e:
                UpdateLease(e.SecretName, e.LeaseId, l => l with
                {
                    LastRenewedAt = e.At, ExpiresAt = e.ExpiresAt, TtlSeconds = (long)e.Granted.TotalSeconds, LastError = null, LastErrorAt = null,
                });
                break;
            case LeaseRenewalFailed e:
                UpdateLease(e.SecretName, e.LeaseId, l => l with
                {
                    LastError = $"{Lower(e.Failure)}: {e.Message}", LastErrorAt = e.At, NextDueAt = e.NextAttemptAt ?? l.NextDueAt,
                });
                break;
            case LeaseLost e:
                UpdateLease(e.SecretName, e.LeaseId, l => l with { LastError = $"lost: {Lower(e.Reason)}", LastErrorAt = e.At });
                break;
            case SecretRefetched e:
                UpdateSecret(e.SecretName, s => s with { Rotations = s.Rotations + 1, LastRotatedAt = e.At, LastError = null, LastErrorAt = null });
                break;
            case RefetchFailed e:
                UpdateSecret(e.SecretName, s => s with { LastError = $"{Lower(e.Failure)}: {e.Message}", LastErrorAt = e.At });
                break;
            case MintBudgetExceeded e:
                UpdateSecret(e.SecretName, s => s with { LastError = e.Message, LastErrorAt = e.At });
                break;
            default:
                // RefetchRequested and later additions change nothing status shows.
                break;
        }
    }

    private void UpdateLease(string secret, ShortLeaseId leaseId, Func<JournalLease, JournalLease> change)
    {
        var shortId = leaseId.ToString();
        Update(j => j with
        {
            Leases = [.. j.Leases.Select(l => l.Secret == secret && new ShortLeaseId(l.LeaseId).ToString() == shortId ? change(l) : l)],
        });
    }

    private void UpdateSecret(string secret, Func<JournalSecret, JournalSecret> change) =>
        Update(j => j with { Secrets = [.. j.Secrets.Select(s => s.Name == secret ? change(s) : s)] });

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
