using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Core.Rotation.Events;

namespace SecureLaunch.Core.Launching;

/// <summary>
/// Sees what a running launch does in the background: lease, token and rotation events, as they are raised. Set on
/// <see cref="LaunchContext.Observer"/> (tests use it to drive a fake clock; <c>status</c> and metrics can use it too).
/// Called from background loops, one call at a time per kind of event; must be quick and must not throw.
/// </summary>
public interface ILaunchObserver
{
    /// <summary>Supervision began: the secrets as first fetched and a live view of their leases. Called once, before any other event.</summary>
    void OnSupervisionStarted(SupervisionStarted started)
    {
    }

    void OnLeaseEvent(LeaseEvent leaseEvent);

    void OnTokenEvent(TokenEvent tokenEvent);

    void OnRotationEvent(RotationEvent rotationEvent);
}
