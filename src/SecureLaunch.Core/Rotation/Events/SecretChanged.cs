namespace SecureLaunch.Core.Rotation.Events;

/// <summary>A secret was fetched again and its content differs from what the consumers have.</summary>
/// <param name="SecretName">The spec name of the secret.</param>
/// <param name="At">When the difference was seen.</param>
/// <param name="Targets">The consumers asked to act (those with <c>rotate: none</c> left out).</param>
public sealed record SecretChanged(string SecretName, DateTimeOffset At, IReadOnlyList<string> Targets) : RotationEvent(At);
