namespace SecureLaunch.Core.Spec;

/// <summary>A secret's <c>rotate:</c> value: <c>file</c>, <c>signal:SIGHUP</c> (any signal), <c>restart</c> or <c>none</c>.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Signal">For <see cref="RotationKind.Signal"/>: the signal's name, normalised to <c>SIGXXX</c>.</param>
public sealed record RotationPolicy(RotationKind Kind, string? Signal = null)
{
    public static RotationPolicy None { get; } = new(RotationKind.None);

    public static RotationPolicy File { get; } = new(RotationKind.File);

    public static RotationPolicy Restart { get; } = new(RotationKind.Restart);

    /// <summary>Rewrite the files, then send <paramref name="signal"/> (a name such as <c>SIGHUP</c>).</summary>
    public static RotationPolicy SendSignal(string signal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        return new RotationPolicy(RotationKind.Signal, signal);
    }

    /// <summary>As written in the spec: <c>none</c>, <c>file</c>, <c>signal:SIGHUP</c>, <c>restart</c>.</summary>
    public override string ToString() => Kind == RotationKind.Signal ? $"signal:{Signal}" : Kind.ToString().ToLowerInvariant();
}
