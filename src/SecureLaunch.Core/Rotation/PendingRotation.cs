namespace SecureLaunch.Core.Rotation;

/// <summary>An action waiting for its consumer: what to do, because of which secrets, since when.</summary>
/// <param name="Target">The consumer's name (<see cref="IRotationTarget.Name"/>).</param>
/// <param name="Action">The merged action.</param>
/// <param name="Secrets">The secrets whose change asked for it, in the order they changed, each once.</param>
/// <param name="FirstChangeAt">When the first of them changed.</param>
/// <param name="LastChangeAt">When the last of them changed.</param>
public sealed record PendingRotation(
    string Target, ConsumerAction Action, IReadOnlyList<string> Secrets, DateTimeOffset FirstChangeAt, DateTimeOffset LastChangeAt)
{
    /// <summary>This pending action with another change merged in.</summary>
    public PendingRotation With(string secret, ConsumerAction action, DateTimeOffset at) => this with
    {
        Action = Action.Merge(action),
        Secrets = Secrets.Contains(secret, StringComparer.Ordinal) ? Secrets : [.. Secrets, secret],
        LastChangeAt = at > LastChangeAt ? at : LastChangeAt,
    };

    /// <summary>Two pending actions for the same consumer as one.</summary>
    public PendingRotation Merge(PendingRotation later)
    {
        ArgumentNullException.ThrowIfNull(later);
        return this with
        {
            Action = Action.Merge(later.Action),
            Secrets = [.. Secrets.Union(later.Secrets, StringComparer.Ordinal)],
            FirstChangeAt = FirstChangeAt < later.FirstChangeAt ? FirstChangeAt : later.FirstChangeAt,
            LastChangeAt = LastChangeAt > later.LastChangeAt ? LastChangeAt : later.LastChangeAt,
        };
    }
}
