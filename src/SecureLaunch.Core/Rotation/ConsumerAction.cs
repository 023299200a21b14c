using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Rotation;

/// <summary>
/// What one consumer (a container, later a Swarm service) must do after some of its secrets changed: the strongest of
/// what they ask (restart &gt; signal &gt; file &gt; none). Several signals asked for at once are all sent, each once.
/// </summary>
public sealed record ConsumerAction
{
    private ConsumerAction(RotationKind kind, IReadOnlyList<string> signals)
    {
        Kind = kind;
        Signals = signals;
    }

    public static ConsumerAction None { get; } = new(RotationKind.None, []);

    public static ConsumerAction File { get; } = new(RotationKind.File, []);

    public static ConsumerAction Restart { get; } = new(RotationKind.Restart, []);

    public RotationKind Kind { get; }

    /// <summary>For <see cref="RotationKind.Signal"/>: the signals to send after the files are rewritten, in order; empty otherwise.</summary>
    public IReadOnlyList<string> Signals { get; }

    /// <summary>Whether it disturbs the process (a signal or a restart), and so counts against the rate limit.</summary>
    public bool Disrupts => Kind >= RotationKind.Signal;

    public static ConsumerAction SendSignal(string signal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        return new ConsumerAction(RotationKind.Signal, [signal]);
    }

    /// <summary>The action a <paramref name="policy"/> asks for.</summary>
    public static ConsumerAction For(RotationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Kind switch
        {
            RotationKind.Signal => SendSignal(policy.Signal!),
            RotationKind.File => File,
            RotationKind.Restart => Restart,
            _ => None,
        };
    }

    /// <summary>The strongest of the two; two signal actions send the signals of both.</summary>
    public ConsumerAction Merge(ConsumerAction other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Kind != other.Kind)
        {
            return Kind > other.Kind ? this : other;
        }

        return Kind != RotationKind.Signal ? this : new ConsumerAction(Kind, [.. Signals.Union(other.Signals, StringComparer.Ordinal)]);
    }

    public bool Equals(ConsumerAction? other) =>
        other is not null && Kind == other.Kind && Signals.SequenceEqual(other.Signals, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Signals.Count);

    /// <summary><c>none</c>, <c>file</c>, <c>signal:SIGHUP,SIGUSR1</c>, <c>restart</c>.</summary>
    public override string ToString() => Kind == RotationKind.Signal ? $"signal:{string.Join(',', Signals)}" : Kind.ToString().ToLowerInvariant();
}
