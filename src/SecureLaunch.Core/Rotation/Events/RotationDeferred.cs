namespace SecureLaunch.Core.Rotation.Events;

/// <summary>A due signal or restart was held back by the consumer's rate limit; raised once per hold.</summary>
/// <param name="Target">The consumer.</param>
/// <param name="At">When it was due.</param>
/// <param name="Action">The action held back.</param>
/// <param name="RetryAt">When the rate limit allows it.</param>
public sealed record RotationDeferred(string Target, DateTimeOffset At, ConsumerAction Action, DateTimeOffset RetryAt) : RotationEvent(At);
