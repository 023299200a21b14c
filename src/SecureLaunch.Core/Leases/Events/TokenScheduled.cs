namespace SecureLaunch.Core.Leases.Events;

/// <summary>The keeper planned its next step and waits for it (the timer is armed when this is raised).</summary>
/// <param name="At">When the plan was made.</param>
/// <param name="Action"><see cref="RenewalAction.Renew"/> or <see cref="RenewalAction.Reauthenticate"/>.</param>
/// <param name="DueAt">When it happens.</param>
public sealed record TokenScheduled(DateTimeOffset At, RenewalAction Action, DateTimeOffset DueAt) : TokenEvent(At);
