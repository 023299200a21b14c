using System.Text;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Core.Rotation.Events;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Diagnostics.Metrics;

public sealed partial class LaunchMetrics
{
    /// <summary>
    /// Seeds the counters: a first fetch that minted a credential counts as one, and every secret's series start at
    /// zero, so a rate over them starts with the launch. Keeps the live view of the leases for the seconds-left gauge.
    /// </summary>
    public void OnSupervisionStarted(SupervisionStarted started)
    {
        ArgumentNullException.ThrowIfNull(started);
        lock (_gate)
        {
            _leases = started.Leases;
            _minting.UnionWith(started.Secrets.Where(s => s.Mints).Select(s => s.Name));
        }

        foreach (var secret in started.Secrets)
        {
            _refetches.Touch(secret.Name);
            if (secret.Leased)
            {
                _renewals.Touch(secret.Name);
            }

            if (secret.Mints)
            {
                _minted.Increment(secret.Name);
            }
        }
    }

    /// <summary>Counts renewals, their failures, lost leases, re-fetches (and the credentials they minted) and their failures.</summary>
    public void OnLeaseEvent(LeaseEvent leaseEvent)
    {
        ArgumentNullException.ThrowIfNull(leaseEvent);
        var secret = leaseEvent.SecretName;
        switch (leaseEvent)
        {
            case LeaseRenewed:
                _renewals.Increment(secret);
                break;
            case LeaseRenewalFailed failed:
                _renewalFailures.Increment(secret, Label(failed.Failure));
                break;
            case LeaseLost lost:
                _leasesLost.Increment(secret, Label(lost.Reason));
                break;
            case SecretRefetched refetched:
                _refetches.Increment(secret);
                if (refetched.NewLeaseId is not null || Mints(secret))
                {
                    _minted.Increment(secret);
                }

                break;
            case RefetchFailed failed:
                _refetchFailures.Increment(secret, Label(failed.Failure));
                break;
        }
    }

    /// <summary>Counts token renewals, logins again, and their failures.</summary>
    public void OnTokenEvent(TokenEvent tokenEvent)
    {
        ArgumentNullException.ThrowIfNull(tokenEvent);
        switch (tokenEvent)
        {
            case TokenRenewed:
                _tokenRenewals.Increment();
                break;
            case TokenReauthenticated:
                _tokenLogins.Increment();
                break;
            case TokenRenewalFailed failed:
                _tokenFailures.Increment(Label(failed.Action), Label(failed.Failure));
                break;
        }
    }

    /// <summary>Counts changed secrets, rotation actions done (restarts also apart) and failed.</summary>
    public void OnRotationEvent(RotationEvent rotationEvent)
    {
        ArgumentNullException.ThrowIfNull(rotationEvent);
        switch (rotationEvent)
        {
            case SecretChanged changed:
                _changes.Increment(changed.SecretName);
                break;
            case RotationApplied applied:
                _rotations.Increment(applied.Target, Label(applied.Action.Kind));
                if (applied.Action.Kind == RotationKind.Restart)
                {
                    _rotationRestarts.Increment(applied.Target);
                }

                break;
            case RotationFailed failed:
                _rotationFailures.Increment(failed.Target, Label(failed.Action.Kind));
                break;
        }
    }

    private bool Mints(string secret)
    {
        lock (_gate)
        {
            return _minting.Contains(secret);
        }
    }

    /// <summary>An enum value as a label value: <c>PermissionDenied</c> is <c>permission_denied</c>.</summary>
    private static string Label<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
