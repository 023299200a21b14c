namespace SecureLaunch.Core.Rotation.Events;

/// <summary>A consumer's action failed; the next change of one of its secrets tries again.</summary>
/// <param name="Target">The consumer.</param>
/// <param name="At">When it failed.</param>
/// <param name="Action">What was attempted.</param>
/// <param name="Secrets">The secrets it was for.</param>
/// <param name="Message">Why, without any value.</param>
public sealed record RotationFailed(string Target, DateTimeOffset At, ConsumerAction Action, IReadOnlyList<string> Secrets, string Message)
    : RotationEvent(At);
