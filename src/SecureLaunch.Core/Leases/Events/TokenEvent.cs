namespace SecureLaunch.Core.Leases.Events;

/// <summary>Something the <see cref="TokenKeeper"/> did. Never holds a token or an accessor.</summary>
/// <param name="At">When it happened, on the keeper's clock.</param>
public abstract record TokenEvent(DateTimeOffset At);
