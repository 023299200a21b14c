namespace SecureLaunch.Core.Rotation.Events;

/// <summary>A consumer's action is done: files rewritten, signal sent, or container running again with the new values.</summary>
/// <param name="Target">The consumer.</param>
/// <param name="At">When it finished.</param>
/// <param name="Action">What was done.</param>
/// <param name="Secrets">The secrets it was done for.</param>
public sealed record RotationApplied(string Target, DateTimeOffset At, ConsumerAction Action, IReadOnlyList<string> Secrets) : RotationEvent(At);
