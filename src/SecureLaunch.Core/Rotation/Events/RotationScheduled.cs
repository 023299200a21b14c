namespace SecureLaunch.Core.Rotation.Events;

/// <summary>A consumer's action was planned (or re-planned after another change arrived within the debounce).</summary>
/// <param name="Target">The consumer, e.g. <c>container web</c>.</param>
/// <param name="At">When the change arrived.</param>
/// <param name="Action">The action so far, merged over every pending change.</param>
/// <param name="DueAt">When it runs unless another change arrives first.</param>
/// <param name="Secrets">The secrets whose change asked for it.</param>
public sealed record RotationScheduled(string Target, DateTimeOffset At, ConsumerAction Action, DateTimeOffset DueAt, IReadOnlyList<string> Secrets)
    : RotationEvent(At);
