namespace SecureLaunch.Core.Spec;

/// <summary>At most <paramref name="Count"/> per <paramref name="Window"/>, written <c>N/DURATION</c> in the spec (<c>1/30s</c>).</summary>
public sealed record Rate(int Count, TimeSpan Window)
{
    public override string ToString() => $"{Count}/{Durations.Format(Window)}";
}
