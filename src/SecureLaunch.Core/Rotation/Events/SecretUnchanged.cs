namespace SecureLaunch.Core.Rotation.Events;

/// <summary>A secret was fetched again with the very same content: nothing is done.</summary>
/// <param name="SecretName">The spec name of the secret.</param>
/// <param name="At">When it was compared.</param>
public sealed record SecretUnchanged(string SecretName, DateTimeOffset At) : RotationEvent(At);
