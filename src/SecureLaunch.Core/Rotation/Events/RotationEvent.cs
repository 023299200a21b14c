namespace SecureLaunch.Core.Rotation.Events;

/// <summary>
/// Something rotation did or decided: a secret's content changed (or did not), an action on a consumer was scheduled,
/// held back, done or failed. Read them from <see cref="RotationScheduler.Events"/>. No event holds a value or a hash.
/// </summary>
/// <param name="At">When it happened, on the launch's clock.</param>
public abstract record RotationEvent(DateTimeOffset At);
