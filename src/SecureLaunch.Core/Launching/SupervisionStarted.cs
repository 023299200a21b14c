using SecureLaunch.Core.Leases;

namespace SecureLaunch.Core.Launching;

/// <summary>
/// Supervision of a launch began: every secret was fetched once, and the renewal loops are about to start. Raised once,
/// before any lease, token or rotation event. Holds names and a view of the leases, never a value.
/// </summary>
/// <param name="At">When, on the launch's clock.</param>
/// <param name="Secrets">Every secret of the spec as first fetched.</param>
/// <param name="Leases">
/// The leases as the renewal loop sees them at the time of the call (secret, shortened lease id, state, expiry); quick, and
/// safe to call from any thread, also after the launch ended.
/// </param>
public sealed record SupervisionStarted(DateTimeOffset At, IReadOnlyList<SupervisedSecret> Secrets, Func<IReadOnlyList<LeaseView>> Leases);
