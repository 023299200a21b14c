namespace SecureLaunch.Core.Rotation;

/// <summary>
/// A consumer of secrets that rotation acts on. <see cref="ContainerConsumer"/> is the one for plain containers; a Swarm
/// service is the other kind (a target named <c>service NAME</c> whose <see cref="ApplyAsync"/> does a rolling update
/// with new versioned Swarm secrets for any action but <see cref="Spec.RotationKind.None"/>, since Swarm secrets are
/// immutable and cannot be rewritten in place).
/// </summary>
public interface IRotationTarget
{
    /// <summary>What logs and events call it, unique in the launch: <c>container web</c>, <c>service api</c>.</summary>
    string Name { get; }

    /// <summary>Each secret it uses, with the action a change of that secret asks of it (before merging with others).</summary>
    IReadOnlyDictionary<string, ConsumerAction> Uses { get; }

    /// <summary>
    /// Brings the new values in (the launch's <see cref="Injection.SecretSet"/> already holds them): rewrite, signal,
    /// restart. Called at most once at a time per target. Throws when it could not; the message must hold no value.
    /// </summary>
    Task ApplyAsync(ConsumerAction action, CancellationToken cancellationToken);
}
